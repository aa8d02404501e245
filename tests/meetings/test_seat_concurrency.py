"""Capacity under concurrency, at the real PostgreSQL, with one connection per sign-up."""

import pytest

from meetings.models import Meeting, Seat, SeatStatus
from meetings.seats import seat_take
from tests.concurrency import run_together
from tests.factories import UserFactory
from tests.meetings.factories import MeetingFactory

SIGNUPS = 200
SEATS = 10
# PostgreSQL allows 100 connections by default and other runs share the server:
# 32 connections at once, each taking the next sign-up as soon as it is free.
CONNECTIONS = 32


def _sign_up_all(meeting_id, users, *, lock):
    """Fire every sign-up at once from CONNECTIONS connections; returns what went wrong."""
    _, errors = run_together(
        users,
        lambda user: seat_take(meeting_id=meeting_id, user=user, lock=lock),
        connections=CONNECTIONS,
    )
    return errors


@pytest.fixture
def crowded_meeting(transactional_db):
    meeting = MeetingFactory(seats=SEATS)
    users = UserFactory.create_batch(SIGNUPS)
    return meeting, users


def test_seat_take_concurrent_signups_fill_exactly_the_seats(crowded_meeting):
    meeting, users = crowded_meeting

    errors = _sign_up_all(meeting.pk, users, lock=True)

    assert errors == []
    seats = Seat.objects.filter(meeting=meeting)
    assert seats.filter(status=SeatStatus.CONFIRMED).count() == SEATS
    assert seats.filter(status=SeatStatus.WAITLISTED).count() == SIGNUPS - SEATS
    assert Meeting.objects.get(pk=meeting.pk).seats_taken == SEATS


def test_seat_take_without_the_lock_goes_wrong_canary(crowded_meeting):
    """The same test with the lock switched off fails: the lock is what holds capacity."""
    meeting, users = crowded_meeting

    errors = _sign_up_all(meeting.pk, users, lock=False)

    confirmed = Seat.objects.filter(meeting=meeting, status=SeatStatus.CONFIRMED).count()
    waitlisted = Seat.objects.filter(meeting=meeting, status=SeatStatus.WAITLISTED).count()
    assert errors or (confirmed, waitlisted) != (SEATS, SIGNUPS - SEATS)

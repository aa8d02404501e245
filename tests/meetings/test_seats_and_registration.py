"""Taking a seat registers the person; withdrawing from the event gives the seats up."""

import datetime

import pytest
from django.utils import timezone

from events.models import Registration
from events.services import registration_cancel
from meetings.models import Seat, SeatStatus
from meetings.seats import SeatError, seat_take
from tests.factories import EventFactory, UserFactory
from tests.meetings.factories import MeetingFactory


@pytest.fixture
def meeting(db):
    return MeetingFactory(seats=1)


def test_seat_take_registers_a_person_who_was_not_registered(meeting):
    user = UserFactory()

    seat_take(meeting_id=meeting.pk, user=user)

    assert Registration.objects.filter(event=meeting.event, user=user).count() == 1


def test_seat_take_after_registration_closed_is_refused_and_creates_nothing(db):
    event = EventFactory(registration_closes_at=timezone.now() - datetime.timedelta(days=1))
    meeting = MeetingFactory(event=event)
    user = UserFactory()

    with pytest.raises(SeatError):
        seat_take(meeting_id=meeting.pk, user=user)

    assert not Seat.objects.filter(user=user).exists()


def test_seat_take_by_leader_needs_no_registration_window(db):
    event = EventFactory(registration_closes_at=timezone.now() - datetime.timedelta(days=1))
    meeting = MeetingFactory(event=event)

    seat = seat_take(meeting_id=meeting.pk, user=UserFactory(), by_leader=True)

    assert seat.status == SeatStatus.CONFIRMED


def test_registration_cancel_gives_up_seats_and_promotes_the_waitlist(
    meeting, django_capture_on_commit_callbacks
):
    leaving, waiting = UserFactory(), UserFactory()
    seat_take(meeting_id=meeting.pk, user=leaving)
    seat_take(meeting_id=meeting.pk, user=waiting)

    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(event=meeting.event, user=leaving)

    statuses = dict(Seat.objects.filter(meeting=meeting).values_list("user_id", "status"))
    assert statuses == {leaving.pk: SeatStatus.CANCELLED, waiting.pk: SeatStatus.CONFIRMED}

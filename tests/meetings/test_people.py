"""Who is in a meeting: the delegation, and who is going (the delegation and the waitlist)."""

import pytest

from meetings.models import Meeting, Seat, SeatStatus
from meetings.people import (
    delegate_of,
    delegation_of,
    delegation_users,
    going_to,
    in_delegation,
    is_going,
)
from tests.factories import UserFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    names = ["lead", "note_taker", "confirmed", "waiting", "cancelled", "stranger"]
    who = dict(zip(names, UserFactory.create_batch(len(names)), strict=True))
    meeting = MeetingFactory(lead=who["lead"], note_taker=who["note_taker"], seats=3)
    for name, status in (
        ("confirmed", SeatStatus.CONFIRMED),
        ("waiting", SeatStatus.WAITLISTED),
        ("cancelled", SeatStatus.CANCELLED),
    ):
        Seat.objects.create(meeting=meeting, user=who[name], status=status)
    return meeting, who


def test_the_delegation_is_the_lead_the_note_taker_and_the_confirmed_seats(people):
    meeting, who = people
    expected = [who["confirmed"], who["lead"], who["note_taker"]]
    assert delegation_of(meeting) == expected
    assert set(delegation_users(meeting)) == set(expected)
    assert [in_delegation(user, meeting) for user in who.values()] == [
        True, True, True, False, False, False,
    ]  # fmt: skip


def test_the_note_taker_without_a_seat_is_in_the_delegation(people):
    meeting, who = people
    assert not Seat.objects.filter(meeting=meeting, user=who["note_taker"]).exists()
    assert in_delegation(who["note_taker"], meeting)
    assert list(Meeting.objects.filter(delegate_of(who["note_taker"]))) == [meeting]


def test_going_adds_the_waitlist_and_never_the_cancelled(people):
    meeting, who = people
    assert is_going(who["waiting"], meeting)
    assert not in_delegation(who["waiting"], meeting)
    assert not is_going(who["cancelled"], meeting)
    assert not is_going(who["stranger"], meeting)
    assert list(Meeting.objects.filter(going_to(who["waiting"]))) == [meeting]
    assert list(Meeting.objects.filter(delegate_of(who["waiting"]))) == []


def test_a_meeting_filter_lists_each_meeting_once(people):
    meeting, who = people
    Seat.objects.create(
        meeting=MeetingFactory(event=meeting.event), user=who["lead"], status=SeatStatus.CONFIRMED
    )
    found = list(Meeting.objects.filter(going_to(who["lead"])).order_by("pk"))
    assert len(found) == len(set(found)) == 2

"""One person, two tabs, two clashing meetings at the same moment: one seat, never both."""

import time

import pytest
from django.db import connections

from lawmakers.models import Building, CapitolSide, Chamber
from meetings import seats
from meetings.models import Seat, SeatStatus
from meetings.seats import SeatError, seat_take
from tests.concurrency import run_together
from tests.factories import EventFactory, UserFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory, RegistrationFactory

PEOPLE = 40
CONNECTIONS = 16


@pytest.fixture
def two_sides_of_the_capitol(transactional_db):
    """A Senate meeting at 10:00 and a House one at 10:35: 15 minutes for a 20-minute walk."""
    event = EventFactory(gap_across_sides_minutes=20)
    senate = MeetingFactory(
        event=event,
        lawmaker=LawmakerFactory(office_building=Building.HART),
        starts_at=at(event, 10, 0),
        seats=PEOPLE,
    )
    house = MeetingFactory(
        event=event,
        lawmaker=LawmakerFactory(
            chamber=Chamber.LOWER,
            district="5",
            office_building=Building.RAYBURN,
            office_room="2231",
            capitol_side=CapitolSide.HOUSE,
        ),
        starts_at=at(event, 10, 35),
        seats=PEOPLE,
    )
    people = UserFactory.create_batch(PEOPLE)
    # Registered already, as a member with two tabs open is: the race is the clash check.
    for person in people:
        RegistrationFactory(event=event, user=person)
    return senate, house, people


def _both_tabs(senate, house, people, *, person_lock):
    """Each person's two sign-ups queued side by side, taken at once."""
    tabs = [(meeting.pk, person) for person in people for meeting in (senate, house)]

    def take(tab):
        meeting_id, person = tab
        seat_take(meeting_id=meeting_id, user=person, person_lock=person_lock)

    return run_together(tabs, take, connections=CONNECTIONS, refusal=SeatError)


def _seats_per_person(people):
    return [
        Seat.objects.filter(user=person, status=SeatStatus.CONFIRMED).count() for person in people
    ]


def test_seat_take_two_tabs_clashing_meetings_give_one_seat(two_sides_of_the_capitol):
    senate, house, people = two_sides_of_the_capitol

    refused, failed = _both_tabs(senate, house, people, person_lock=True)

    assert failed == []
    assert _seats_per_person(people) == [1] * PEOPLE
    assert len(refused) == PEOPLE
    assert all("leaves 15 minutes to walk" in text for text in refused)


def test_seat_take_two_tabs_without_the_person_lock_gives_both_canary(two_sides_of_the_capitol):
    """The same sign-ups with only the meetings' locks: some people get both seats."""
    senate, house, people = two_sides_of_the_capitol

    _, failed = _both_tabs(senate, house, people, person_lock=False)

    assert failed == []
    assert max(_seats_per_person(people)) == 2


def test_seat_take_waits_for_a_stuck_person_lock_only_briefly(
    two_sides_of_the_capitol, monkeypatch
):
    """Another connection holds the person's lock and never lets go: a message, fast."""
    senate, _, people = two_sides_of_the_capitol
    person = people[0]
    monkeypatch.setattr(seats, "LOCK_TIMEOUT", "300ms")
    stuck = connections.create_connection("default")
    try:
        with stuck.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_lock(%s)", [seats._person_key(senate.event_id, person.pk)]
            )
        began = time.monotonic()
        with pytest.raises(SeatError, match="try again"):
            seat_take(meeting_id=senate.pk, user=person)
        assert time.monotonic() - began < 3
    finally:
        stuck.close()
    assert not Seat.objects.filter(user=person).exists()
    seat_take(meeting_id=senate.pk, user=person)  # once the lock is gone, it works
    assert Seat.objects.filter(user=person, status=SeatStatus.CONFIRMED).count() == 1

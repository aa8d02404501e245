import datetime

import pytest
from django.utils import timezone

from events.models import Attendance, Event, Level, Registration
from events.services import (
    EventError,
    event_create,
    event_update,
    registration_cancel,
    registration_create,
)
from tests.factories import EventFactory, UserFactory

DATE = datetime.date(2031, 4, 14)


def test_event_create_makes_the_address_from_the_name(db):
    event = event_create(name="National Day of Action 2031", date=DATE, theme="Prosperity")

    assert event.slug == "national-day-of-action-2031"
    assert (event.gap_same_building_minutes, event.gap_same_side_minutes) == (5, 10)
    assert event.gap_across_sides_minutes == 20


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"level": Level.STATE}, "state"),
        ({"level": Level.NATIONAL, "state": "MN"}, "state"),
        ({"day_starts": datetime.time(18), "day_ends": datetime.time(8)}, "day_ends"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"slug": "new"}, "slug"),
    ],
    ids=["state-missing", "national-with-state", "day-backwards", "zone", "reserved-slug"],
)
def test_event_create_refuses_inconsistent_events(db, fields, field):
    with pytest.raises(EventError) as caught:
        event_create(name="Day", date=DATE, **fields)

    assert caught.value.field == field
    assert Event.objects.count() == 0


def test_event_create_refuses_registration_closing_before_it_opens(db):
    opens = timezone.now()
    with pytest.raises(EventError, match="close after it opens"):
        event_create(
            name="Day",
            date=DATE,
            registration_opens_at=opens,
            registration_closes_at=opens - datetime.timedelta(hours=1),
        )


def test_event_create_refuses_a_taken_address(db):
    EventFactory(slug="day")
    with pytest.raises(EventError, match="already has the address"):
        event_create(name="Day", date=DATE)


def test_event_update_changes_the_rules(db):
    event = EventFactory()

    updated = event_update(event=event, gap_across_sides_minutes=30, status="draft")

    event.refresh_from_db()
    assert (event.gap_across_sides_minutes, event.status) == (30, "draft")
    assert updated.pk == event.pk


def test_event_update_refuses_a_state_day_without_state(db):
    event = EventFactory()
    with pytest.raises(EventError):
        event_update(event=event, level=Level.STATE)
    event.refresh_from_db()
    assert event.level == Level.NATIONAL


def test_event_create_refuses_unknown_fields(db):
    with pytest.raises(TypeError):
        event_create(name="Day", date=DATE, colour="red")


@pytest.fixture
def open_event(db):
    now = timezone.now()
    return EventFactory(
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=1),
    )


def test_registration_create_inside_the_window(open_event):
    user = UserFactory()

    registration = registration_create(event=open_event, user=user, attendance=Attendance.VIRTUAL)

    assert registration.attendance == Attendance.VIRTUAL
    assert list(open_event.registrations.all()) == [registration]


def test_registration_create_refuses_after_the_window_closes(open_event):
    later = open_event.registration_closes_at + datetime.timedelta(seconds=1)
    with pytest.raises(EventError, match="is closed"):
        registration_create(event=open_event, user=UserFactory(), now=later)
    assert Registration.objects.count() == 0


def test_registration_create_refuses_before_the_window_opens(open_event):
    earlier = open_event.registration_opens_at - datetime.timedelta(seconds=1)
    with pytest.raises(EventError, match="opens on"):
        registration_create(event=open_event, user=UserFactory(), now=earlier)


def test_registration_create_refuses_a_draft(db):
    event = EventFactory(status="draft")
    with pytest.raises(EventError, match="not open"):
        registration_create(event=event, user=UserFactory())


def test_registration_create_without_window_closes_when_the_day_starts(db):
    event = EventFactory()
    with pytest.raises(EventError, match="is closed"):
        registration_create(event=event, user=UserFactory(), now=event.starts_at)


def test_registration_create_twice_is_refused(open_event):
    user = UserFactory()
    registration_create(event=open_event, user=user)
    with pytest.raises(EventError, match="already registered"):
        registration_create(event=open_event, user=user)
    assert Registration.objects.count() == 1


def test_registration_create_refuses_unknown_attendance(open_event):
    with pytest.raises(EventError):
        registration_create(event=open_event, user=UserFactory(), attendance="hologram")


def test_registration_cancel_after_registration_closed_but_before_the_day(open_event):
    user = UserFactory()
    registration_create(event=open_event, user=user)
    after_close = open_event.registration_closes_at + datetime.timedelta(hours=1)

    registration_cancel(event=open_event, user=user, now=after_close)

    assert Registration.objects.count() == 0


def test_registration_cancel_refused_once_the_day_began(open_event):
    user = UserFactory()
    registration_create(event=open_event, user=user)
    with pytest.raises(EventError, match="has begun"):
        registration_cancel(event=open_event, user=user, now=open_event.starts_at)
    assert Registration.objects.count() == 1


def test_registration_cancel_when_not_registered(open_event):
    with pytest.raises(EventError, match="not registered"):
        registration_cancel(event=open_event, user=UserFactory())


def test_taking_part_in_an_event_is_being_registered_for_it(db):
    from events.selectors import takes_part_in
    from tests.factories import EventFactory, UserFactory
    from tests.meetings.factories import RegistrationFactory

    event, other_event = EventFactory(), EventFactory()
    registered, stranger = UserFactory(), UserFactory()
    RegistrationFactory(event=event, user=registered)
    assert takes_part_in(registered, event)
    assert not takes_part_in(registered, other_event)
    assert not takes_part_in(stranger, event)

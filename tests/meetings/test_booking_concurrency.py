"""One office, one meeting at a time: held by PostgreSQL, under concurrent bookings."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from meetings.models import ONE_OFFICE_AT_A_TIME, Meeting, MeetingStatus
from meetings.services import MeetingError, meeting_create, meeting_set_status
from tests.concurrency import run_together
from tests.factories import ChapterFactory, EventFactory
from tests.meetings.factories import LawmakerFactory, MeetingFactory

OFFICES = 6
ATTEMPTS_PER_OFFICE = 8
CONNECTIONS = 16


def _ten_o_clock(event):
    return datetime.datetime.combine(event.date, datetime.time(10, 0), tzinfo=event.zone)


def _book_all(event, attempts):
    """Every (lawmaker, chapter) books the office at 10:00 at once; returns the errors each
    attempt met."""

    def book(attempt):
        lawmaker, chapter = attempt
        meeting_create(
            event=event,
            chapter=chapter,
            lawmaker=lawmaker,
            starts_at=_ten_o_clock(event),
            minutes=20,
            by=None,
        )

    return run_together(attempts, book, connections=CONNECTIONS, refusal=MeetingError)


@pytest.fixture
def contested_offices(transactional_db):
    event = EventFactory()
    offices = [LawmakerFactory(last_name=f"Office{n}") for n in range(OFFICES)]
    attempts = [
        (office, ChapterFactory()) for office in offices for _ in range(ATTEMPTS_PER_OFFICE)
    ]
    return event, offices, attempts


def test_meeting_create_concurrent_bookings_of_one_office_give_one_meeting(contested_offices):
    event, offices, attempts = contested_offices

    refused, failed = _book_all(event, attempts)

    assert failed == []
    per_office = [Meeting.objects.filter(lawmaker=office).count() for office in offices]
    assert per_office == [1] * OFFICES
    assert len(refused) == OFFICES * (ATTEMPTS_PER_OFFICE - 1)
    # Refused by the service's check or by the constraint: the same words either way.
    assert all("already has a meeting from 10:00 to 10:20 AM" in text for text in refused)


@pytest.fixture
def without_the_constraint(transactional_db):
    constraint = next(c for c in Meeting._meta.constraints if c.name == ONE_OFFICE_AT_A_TIME)
    with connection.schema_editor() as editor:
        editor.remove_constraint(Meeting, constraint)
    yield
    Meeting.objects.all().delete()
    with connection.schema_editor() as editor:
        editor.add_constraint(Meeting, constraint)


def test_meeting_create_without_the_constraint_double_books_canary(
    without_the_constraint, contested_offices
):
    """The same bookings with the constraint dropped: the service's check alone lets
    several chapters into one office's 10:00 (measured: 6 to 8 of 8 per office)."""
    event, offices, attempts = contested_offices

    _book_all(event, attempts)

    per_office = [Meeting.objects.filter(lawmaker=office).count() for office in offices]
    assert max(per_office) > 1


def test_constraint_refuses_an_overlap_written_past_the_service(db):
    first = MeetingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(event=first.event, lawmaker=first.lawmaker, starts_at=first.starts_at)


def test_constraint_allows_back_to_back_and_beside_a_cancelled_meeting(db):
    first = MeetingFactory(status=MeetingStatus.CANCELLED)
    MeetingFactory(event=first.event, lawmaker=first.lawmaker, starts_at=first.starts_at)
    MeetingFactory(event=first.event, lawmaker=first.lawmaker, starts_at=first.ends_at)
    assert Meeting.objects.filter(lawmaker=first.lawmaker).count() == 3


def test_meeting_set_status_uncancelling_into_a_taken_slot_says_why(db):
    cancelled = MeetingFactory(status=MeetingStatus.CANCELLED)
    MeetingFactory(
        event=cancelled.event, lawmaker=cancelled.lawmaker, starts_at=cancelled.starts_at
    )
    with pytest.raises(MeetingError, match="already has a meeting from 10:00 to 10:20 AM"):
        meeting_set_status(meeting=cancelled, status=MeetingStatus.SCHEDULED, by=None)
    cancelled.refresh_from_db()
    assert cancelled.status == MeetingStatus.CANCELLED


def test_meeting_create_same_office_in_another_event_the_same_hour_is_refused(db):
    first = MeetingFactory()
    other_event = EventFactory(date=first.event.date)
    with pytest.raises(MeetingError, match="already has a meeting from 10:00"):
        meeting_create(
            event=other_event,
            chapter=ChapterFactory(),
            lawmaker=first.lawmaker,
            starts_at=first.starts_at,
            by=None,
        )

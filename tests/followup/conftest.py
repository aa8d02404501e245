import datetime
import zoneinfo

import pytest
import time_machine

from tests.factories import EventFactory
from tests.meetings.factories import MeetingFactory

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
# Daylight saving time began in the US at 2:00 on Sunday, March 9, 2025.
DST_SUNDAY = datetime.date(2025, 3, 9)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=NEW_YORK)


@pytest.fixture
def dst_event(db):
    """A Day of Action on the Monday after clocks went forward (the day before is the DST day)."""
    with time_machine.travel(at(DST_SUNDAY, 8) - datetime.timedelta(days=30), tick=False):
        yield EventFactory(
            date=DST_SUNDAY + datetime.timedelta(days=1), time_zone="America/New_York"
        )


@pytest.fixture
def dst_meeting(dst_event, chapter):
    return MeetingFactory(
        event=dst_event,
        chapter=chapter,
        starts_at=at(dst_event.date, 10),
        ends_at=at(dst_event.date, 10, 20),
        seats=1,
    )


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run what waits for the commit (signals, task dispatch) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def held_meeting(event, chapter, member):
    """A held meeting of the chapter, led by `member`, with the office's contact."""
    from meetings.models import MeetingStatus

    return MeetingFactory(
        event=event,
        chapter=chapter,
        lead=member,
        status=MeetingStatus.HELD,
        contact_name="Dana Whitfield",
        contact_email="dana.whitfield@senate.example.gov",
        lawmaker__first_name="Amy",
        lawmaker__last_name="Larsen",
        lawmaker__full_name="Amy Larsen",
    )

"""Times in the reader's zone with the office's beside: a table across the zones and DST."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from common.local_times import dual_time, zone_clean

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def washington(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=NEW_YORK)


# A meeting at 1:00 PM in Washington, read in each participant's zone. On March 6, 2025
# the mainland is on standard time; on March 10 (the day after clocks went forward) it is
# on daylight time, and Arizona and Hawaii, which keep none, fall one hour further behind.
TABLE = [
    (datetime.date(2025, 3, 6), "America/New_York", "1:00 PM"),
    (
        datetime.date(2025, 3, 6),
        "America/Los_Angeles",
        "10:00 AM your time · 1:00 PM in Washington",
    ),
    (datetime.date(2025, 3, 6), "America/Phoenix", "11:00 AM your time · 1:00 PM in Washington"),
    (datetime.date(2025, 3, 6), "America/Anchorage", "9:00 AM your time · 1:00 PM in Washington"),
    (datetime.date(2025, 3, 6), "Pacific/Honolulu", "8:00 AM your time · 1:00 PM in Washington"),
    (datetime.date(2025, 3, 10), "America/New_York", "1:00 PM"),
    (
        datetime.date(2025, 3, 10),
        "America/Los_Angeles",
        "10:00 AM your time · 1:00 PM in Washington",
    ),
    (datetime.date(2025, 3, 10), "America/Phoenix", "10:00 AM your time · 1:00 PM in Washington"),
    (datetime.date(2025, 3, 10), "America/Anchorage", "9:00 AM your time · 1:00 PM in Washington"),
    (datetime.date(2025, 3, 10), "Pacific/Honolulu", "7:00 AM your time · 1:00 PM in Washington"),
]


@pytest.mark.parametrize(("day", "zone", "shown"), TABLE)
def test_dual_time_in_each_readers_zone_across_the_dst_change(day, zone, shown):
    moment = washington(day, 13)

    assert (
        dual_time(moment, reader_zone=zone, place_zone=NEW_YORK, place_label="Washington") == shown
    )


def test_dual_time_across_the_missing_hour_of_the_dst_sunday():
    # 1:30 AM in Washington is 30 minutes before clocks jump: Los Angeles reads 10:30 PM.
    moment = washington(datetime.date(2025, 3, 9), 1, 30)
    later = moment.astimezone(datetime.UTC) + datetime.timedelta(hours=1)

    assert dual_time(
        moment, reader_zone="America/Los_Angeles", place_zone=NEW_YORK, place_label="DC"
    ) == ("10:30 PM your time · 1:30 AM in DC")
    assert dual_time(
        later, reader_zone="America/Los_Angeles", place_zone=NEW_YORK, place_label="DC"
    ) == ("11:30 PM your time · 3:30 AM in DC")


def test_dual_time_tag_and_in_zone_filter_render_the_readers_time():
    template = Template(
        "{% load local_times %}{% dual_time moment reader place 'Washington' %}"
        '|{{ moment|in_zone:reader|time:"g:i A" }}'
    )
    moment = washington(datetime.date(2025, 3, 10), 13)

    rendered = template.render(
        Context({"moment": moment, "reader": "America/Los_Angeles", "place": NEW_YORK})
    )

    assert rendered == "10:00 AM your time · 1:00 PM in Washington|10:00 AM"


def test_zone_clean_refuses_a_zone_that_does_not_exist():
    assert zone_clean(" America/Phoenix ") == "America/Phoenix"
    with pytest.raises(ValidationError, match="no time zone named “America/Springfield”"):
        zone_clean("America/Springfield")

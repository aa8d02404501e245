"""Times as each reader lives them: their own zone first, the place's beside it.

"10:00 AM your time · 1:00 PM in Washington" on every page, email and calendar entry
that shows a time to someone who may live elsewhere. Domain-free: meetings use it
today, trainings will show their sessions the same way.
"""

from __future__ import annotations

import datetime
import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.templatetags.tz import do_timezone

TIME_FORMAT = "%-I:%M %p"


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def zone_clean(name: str) -> str:
    """An IANA time zone name that exists ("America/Phoenix"), or ValidationError."""
    name = (name or "").strip()
    if name not in _known_zones():
        raise ValidationError(
            f"There is no time zone named “{name}”: use a name such as America/Chicago.",
            code="unknown_zone",
        )
    return name


def as_zone(zone: str | datetime.tzinfo) -> datetime.tzinfo:
    return zoneinfo.ZoneInfo(zone) if isinstance(zone, str) else zone


def for_template(moment: datetime.datetime, zone) -> datetime.datetime:
    """The moment in `zone`, marked so that templates' |date and |time keep that zone."""
    return do_timezone(moment, as_zone(zone))


def same_clock(moment: datetime.datetime, first, second) -> bool:
    """Whether two zones show the same wall time at this moment (Phoenix and LA in summer)."""
    return (
        moment.astimezone(as_zone(first)).utcoffset()
        == moment.astimezone(as_zone(second)).utcoffset()
    )


def clock(moment: datetime.datetime, zone) -> str:
    return moment.astimezone(as_zone(zone)).strftime(TIME_FORMAT)


def dual_time(
    moment: datetime.datetime, *, reader_zone, place_zone, place_label: str, reader: str = "your"
) -> str:
    """The moment in the reader's zone, and in the place's when the clocks differ."""
    reader_zone = reader_zone or place_zone
    if same_clock(moment, reader_zone, place_zone):
        return clock(moment, place_zone)
    return (
        f"{clock(moment, reader_zone)} {reader} time · "
        f"{clock(moment, place_zone)} in {place_label}"
    )

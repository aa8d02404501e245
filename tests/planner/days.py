"""Small hand-built days for the planner's tests: offices, people and rules in one line each."""

from __future__ import annotations

import datetime

from events.models import Event
from planner.checker import check
from planner.problem import (
    Incumbent,
    Office,
    Participant,
    Pin,
    Place,
    Plan,
    Priority,
    Problem,
    Rules,
    Window,
)
from planner.walking import walking_minutes_for

DATE = datetime.date(2027, 3, 10)


def event() -> Event:
    """An unsaved event with the default walks: 5 same building, 10 same side, 20 across."""
    return Event(name="Test day", slug="test-day", date=DATE, time_zone="America/New_York")


EVENT = event()


def at(hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(DATE, datetime.time(hour, minute), tzinfo=EVENT.zone)


def window(start: tuple[int, int] | int, end: tuple[int, int] | int) -> Window:
    start = start if isinstance(start, tuple) else (start, 0)
    end = end if isinstance(end, tuple) else (end, 0)
    return Window(at(*start), at(*end))


def rules(**overrides) -> Rules:
    values = {
        "day": window(9, 17),
        "meeting_minutes": 20,
        "team_min": 2,
        "team_max": 6,
        "max_meetings_per_person": 5,
        "walking_minutes": walking_minutes_for(EVENT),
    }
    values.update(overrides)
    return Rules(**values)


SENATE = {"hart": "309", "russell": "154", "dirksen": "524"}
HOUSE = {"cannon": "221", "longworth": "1123", "rayburn": "2411"}


def office(
    key: int,
    *,
    state: str = "MN",
    chamber: str = "upper",
    priority: Priority = Priority.SHOULD,
    building: str | None = None,
    room: str = "",
    **extra,
) -> Office:
    if building is None:
        building = "hart" if chamber == "upper" else "cannon"
    room = room or (SENATE | HOUSE).get(building, "100")
    return Office(
        key=key,
        label=f"Office {key}",
        state=state,
        chamber=chamber,
        priority=priority,
        place=Place(building, room),
        **extra,
    )


def person(
    key: int,
    *,
    state: str = "MN",
    chapter: int = 1,
    experienced: bool = True,
    constituent_of=(),
    available: Window | None = None,
    **extra,
) -> Participant:
    return Participant(
        key=key,
        label=f"Person {key}",
        chapter=chapter,
        state=state,
        experienced=experienced,
        constituent_of=frozenset(constituent_of),
        available=available or window(9, 17),
        **extra,
    )


def pin(meeting: int, office_: Office, start: datetime.datetime, people) -> Pin:
    return Pin(
        meeting=meeting,
        office=office_.key,
        starts_at=start,
        ends_at=start + datetime.timedelta(minutes=20),
        place=office_.place,
        people=frozenset(people),
    )


def incumbents_of(plan: Plan) -> tuple[Incumbent, ...]:
    return tuple(
        Incumbent(
            meeting=1000 + n,
            office=m.office,
            starts_at=m.starts_at,
            people=frozenset(m.people),
        )
        for n, m in enumerate(plan.meetings)
        if m.meeting is None
    )


def problem(offices, people, pins=(), incumbents=(), **rule_overrides) -> Problem:
    return Problem(
        rules=rules(**rule_overrides),
        offices=tuple(offices),
        participants=tuple(people),
        pins=tuple(pins),
        incumbents=tuple(incumbents),
    )


def violations(day: Problem, plan: Plan) -> list[str]:
    return [f"{v.kind}: {v.message}" for v in check(day, plan, EVENT)]


def itineraries(plan: Plan) -> dict[int, set[tuple[int, datetime.datetime]]]:
    days: dict[int, set] = {}
    for meeting in plan.meetings:
        for key in meeting.people:
            days.setdefault(key, set()).add((meeting.office, meeting.starts_at))
    return days

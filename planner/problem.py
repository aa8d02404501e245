"""The planner's small interface: what a day to plan is, and what a plan is.

Plain, frozen data with no Django in it. The app builds a `Problem` from what it
knows (registrations, offices, rules, meetings that exist), a solver turns it
into a `Plan`, and an independent checker reads both. Keys are database ids
(users for people, lawmakers for offices, meetings for pins), so the app can
write a plan back without guessing.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum


class Priority(IntEnum):
    """How much an office matters; a higher number is covered first."""

    NICE = 1
    SHOULD = 2
    MUST = 3


@dataclass(frozen=True)
class Place:
    """Where an office receives visitors (a Capitol building code and a room)."""

    building: str
    room: str = ""
    # A video or phone call: nobody walks to it; the event's spacing applies between calls.
    remote: bool = False


@dataclass(frozen=True)
class Window:
    starts_at: datetime.datetime
    ends_at: datetime.datetime

    def contains(self, starts_at: datetime.datetime, ends_at: datetime.datetime) -> bool:
        return self.starts_at <= starts_at and ends_at <= self.ends_at


@dataclass(frozen=True)
class LocalWindow:
    """Hours a person joins calls from home, on their own clock ("9:00 to 17:00 in Honolulu")."""

    zone: str
    date: datetime.date
    starts: datetime.time
    ends: datetime.time

    def in_day(self) -> Window:
        """The same hours as moments (zoneinfo resolves the day's offset, DST included)."""
        zone = zoneinfo.ZoneInfo(self.zone)
        return Window(
            datetime.datetime.combine(self.date, self.starts, tzinfo=zone),
            datetime.datetime.combine(self.date, self.ends, tzinfo=zone),
        )


@dataclass(frozen=True)
class Office:
    """An office the day should visit."""

    key: int
    label: str
    state: str
    chamber: str
    priority: Priority
    place: Place
    # When the office said it will meet us: the meeting must start exactly then.
    fixed_start: datetime.datetime | None = None
    # When the office can meet at all; empty means the whole day.
    available: tuple[Window, ...] = ()
    # Whom the office represents, in words ("MN-5", "Minnesota"), for the explanations.
    constituency: str = ""
    # A call on one of our video accounts (counts against `Rules.video_lines`).
    our_line: bool = False


@dataclass(frozen=True)
class Participant:
    """A registered person the plan may place in meetings."""

    key: int
    label: str
    chapter: int
    state: str
    experienced: bool
    # Offices this person is a constituent of (senators of their state, their representative).
    constituent_of: frozenset[int]
    # Arrive by / must leave at; the event's hours when they said nothing.
    available: Window
    # Offices where this person knows someone: keep them in those meetings.
    knows: frozenset[int] = frozenset()
    # Their mentor's key, when a leader paired them with one.
    mentor: int | None = None
    # Joining from home: calls only within these local hours (`available` holds them too).
    local_window: LocalWindow | None = None
    # On a hybrid day, joins calls from the Hill: no walk back before a call.
    from_the_hill: bool = False


@dataclass(frozen=True)
class Pin:
    """A meeting that stays exactly as it is (confirmed by the office, or marked "keep")."""

    meeting: int
    office: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: Place
    people: frozenset[int]
    our_line: bool = False


@dataclass(frozen=True)
class Incumbent:
    """A meeting accepted from an earlier plan: kept unless a hard rule forces a change."""

    meeting: int
    office: int
    starts_at: datetime.datetime
    people: frozenset[int]


@dataclass(frozen=True)
class Rules:
    day: Window
    meeting_minutes: int
    team_min: int
    team_max: int
    max_meetings_per_person: int
    # Minutes needed to walk from one place to another (the event's walking rules).
    walking_minutes: Callable[[Place, Place], int]
    grid_minutes: int = 5
    # Times nobody can be booked over: the lunch window, the day's programme items.
    blocked: tuple[Window, ...] = ()
    # How many calls we can host at once (None: no limit, an in-person day), and the
    # minutes a line rests after a call before it is used again.
    video_lines: int | None = None
    line_rest_minutes: int = 0


@dataclass(frozen=True)
class Problem:
    rules: Rules
    offices: tuple[Office, ...]
    participants: tuple[Participant, ...]
    pins: tuple[Pin, ...] = ()
    incumbents: tuple[Incumbent, ...] = ()


class Outcome(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"  # the best found when time ran out; see Plan.gap
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"  # no plan found within the time limit


@dataclass(frozen=True)
class PlannedMeeting:
    office: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    people: tuple[int, ...]
    lead: int | None = None
    note_taker: int | None = None
    # The pin or incumbent this meeting is (None for a new one).
    meeting: int | None = None


@dataclass(frozen=True)
class Plan:
    outcome: Outcome
    meetings: tuple[PlannedMeeting, ...]
    # Relative distance between the best plan and the solver's proven bound (0 = optimal).
    gap: float
    seconds: float
    # Why an office has no meeting, or a person no meeting, in plain words.
    offices_left_out: dict[int, str] = field(default_factory=dict)
    people_left_out: dict[int, str] = field(default_factory=dict)
    # Contradictions that make the problem impossible (e.g. two pins one person cannot attend).
    conflicts: tuple[str, ...] = ()


ProgressCallback = Callable[[float, str], None]
"""Called with a share done (0..1) and a short message while the solver works."""

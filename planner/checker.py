"""An independent check of a plan against its problem, sharing nothing with the solver.

It reads the plan as a person would: each person's day meeting by meeting, with the
event's own walking rules (`meetings.rules.clash`), every office's bookings, every
window. A plan the solver returns must produce no violations; the tests and the
benchmark hold it to that.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from events.models import Event
from meetings.rules import Slot, clash
from planner.problem import Plan, PlannedMeeting, Problem


class Kind(StrEnum):
    OVERLAP = "overlap"
    WALK = "walk"
    DOUBLE_BOOKING = "double_booking"
    AVAILABILITY = "availability"
    TEAM_SIZE = "team_size"
    TOO_MANY_MEETINGS = "too_many_meetings"
    PIN_CHANGED = "pin_changed"
    SPACING = "spacing"  # two calls closer than the event's spacing
    LOCAL_WINDOW = "local_window"  # a call outside the person's hours on their own clock
    LINE_CAPACITY = "line_capacity"  # more calls on our lines at once than we have
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Violation:
    kind: Kind
    people: tuple[int, ...]
    meetings: tuple[PlannedMeeting, ...]
    message: str


def check(problem: Problem, plan: Plan, event: Event) -> list[Violation]:
    offices = {o.key: o for o in problem.offices}
    pins = {pin.meeting: pin for pin in problem.pins}
    for pin in problem.pins:
        offices.setdefault(pin.office, None)
    found: list[Violation] = []
    found += _pins_kept(problem, plan)
    found += _known(plan, offices, {p.key for p in problem.participants}, pins)
    found += _double_bookings(plan, offices)
    found += _days(problem, plan, event)
    found += _windows(problem, plan, pins)
    found += _sizes(problem, plan, pins)
    found += _local_windows(problem, plan, event)
    found += _line_capacity(problem, plan)
    return found


def _label(meeting: PlannedMeeting, problem: Problem) -> str:
    for office in problem.offices:
        if office.key == meeting.office:
            return office.label
    return f"office {meeting.office}"


def _place(problem: Problem, meeting: PlannedMeeting):
    for pin in problem.pins:
        if pin.meeting == meeting.meeting and pin.office == meeting.office:
            return pin.place
    for office in problem.offices:
        if office.key == meeting.office:
            return office.place
    return None


def _on_our_line(problem: Problem, meeting: PlannedMeeting) -> bool:
    for pin in problem.pins:
        if pin.meeting == meeting.meeting and pin.office == meeting.office:
            return pin.our_line
    return any(o.key == meeting.office and o.our_line for o in problem.offices)


def _pins_kept(problem: Problem, plan: Plan) -> list[Violation]:
    found = []
    for pin in problem.pins:
        same = [
            m
            for m in plan.meetings
            if m.meeting == pin.meeting
            and m.office == pin.office
            and m.starts_at == pin.starts_at
            and m.ends_at == pin.ends_at
            and set(m.people) == set(pin.people)
        ]
        if not same:
            found.append(
                Violation(
                    Kind.PIN_CHANGED,
                    tuple(sorted(pin.people)),
                    (),
                    f"the kept meeting {pin.meeting} is missing or changed",
                )
            )
    return found


def _known(plan, offices, participants, pins) -> list[Violation]:
    found = []
    for meeting in plan.meetings:
        if meeting.office not in offices:
            found.append(
                Violation(
                    Kind.UNKNOWN, meeting.people, (meeting,), "a meeting with an unknown office"
                )
            )
        strangers = [
            p
            for p in meeting.people
            if p not in participants
            and not (meeting.meeting in pins and p in pins[meeting.meeting].people)
        ]
        if strangers:
            found.append(
                Violation(
                    Kind.UNKNOWN, tuple(strangers), (meeting,), "people who are not registered"
                )
            )
        for role in (meeting.lead, meeting.note_taker):
            if role is not None and role not in meeting.people:
                found.append(
                    Violation(
                        Kind.UNKNOWN,
                        (role,),
                        (meeting,),
                        "a lead or note-taker not in the meeting",
                    )
                )
    return found


def _double_bookings(plan, offices) -> list[Violation]:
    by_office = defaultdict(list)
    for meeting in plan.meetings:
        by_office[meeting.office].append(meeting)
    return [
        Violation(
            Kind.DOUBLE_BOOKING,
            tuple(sorted({p for m in meetings for p in m.people})),
            tuple(meetings),
            f"{len(meetings)} meetings with office {office}",
        )
        for office, meetings in by_office.items()
        if len(meetings) > 1
    ]


def _days(problem: Problem, plan: Plan, event: Event) -> list[Violation]:
    """Every pair of one person's meetings, through the event's own walking rules."""
    by_person = defaultdict(list)
    for meeting in plan.meetings:
        for person in meeting.people:
            by_person[person].append(meeting)
    people = {p.key: p for p in problem.participants}
    found = []
    for person, meetings in sorted(by_person.items()):
        participant = people.get(person)
        from_the_hill = participant.from_the_hill if participant else False
        slots = []
        for meeting in meetings:
            place = _place(problem, meeting)
            slots.append(
                Slot(
                    meeting.starts_at,
                    meeting.ends_at,
                    place.building if place else "",
                    place.room if place else "",
                    _label(meeting, problem),
                    place.remote if place else False,
                )
            )
        for i, first in enumerate(slots):
            for j in range(i + 1, len(slots)):
                reason = clash(event, first, slots[j], from_the_hill=from_the_hill)
                if reason is None:
                    continue
                overlap = first.starts_at < slots[j].ends_at and slots[j].starts_at < first.ends_at
                calls = first.remote and slots[j].remote
                found.append(
                    Violation(
                        Kind.OVERLAP if overlap else Kind.SPACING if calls else Kind.WALK,
                        (person,),
                        (meetings[i], meetings[j]),
                        f"{first.label}: {reason}",
                    )
                )
        if len(meetings) > problem.rules.max_meetings_per_person:
            found.append(
                Violation(
                    Kind.TOO_MANY_MEETINGS,
                    (person,),
                    tuple(meetings),
                    f"{len(meetings)} meetings, more than {problem.rules.max_meetings_per_person}",
                )
            )
    return found


def _windows(problem: Problem, plan: Plan, pins) -> list[Violation]:
    rules = problem.rules
    offices = {o.key: o for o in problem.offices}
    people = {p.key: p for p in problem.participants}
    found = []

    def bad(meeting, who, message):
        found.append(Violation(Kind.AVAILABILITY, who, (meeting,), message))

    for meeting in plan.meetings:
        if meeting.meeting in pins and pins[meeting.meeting].office == meeting.office:
            continue  # a pin is taken as it is
        start, end = meeting.starts_at, meeting.ends_at
        if (end - start).total_seconds() != rules.meeting_minutes * 60:
            bad(meeting, meeting.people, "the meeting is not the event's length")
        if not rules.day.contains(start, end):
            bad(meeting, meeting.people, "the meeting is outside the day")
        minute = (start - rules.day.starts_at).total_seconds() / 60
        if minute % rules.grid_minutes:
            bad(meeting, meeting.people, "the meeting starts off the time grid")
        for window in rules.blocked:
            if start < window.ends_at and window.starts_at < end:
                bad(meeting, meeting.people, "the meeting is over a window kept free")
        office = offices.get(meeting.office)
        if office is not None:
            if office.fixed_start is not None and start != office.fixed_start:
                bad(meeting, meeting.people, "the meeting is not at the office's confirmed time")
            if office.available and not any(w.contains(start, end) for w in office.available):
                bad(meeting, meeting.people, "the office is not available then")
        for person in meeting.people:
            participant = people.get(person)
            if participant is not None and not participant.available.contains(start, end):
                bad(meeting, (person,), "the meeting is outside the person's availability")
    return found


def _sizes(problem: Problem, plan: Plan, pins) -> list[Violation]:
    rules = problem.rules
    return [
        Violation(
            Kind.TEAM_SIZE,
            meeting.people,
            (meeting,),
            f"a team of {len(meeting.people)}, outside {rules.team_min} to {rules.team_max}",
        )
        for meeting in plan.meetings
        if meeting.meeting not in pins
        and not rules.team_min <= len(meeting.people) <= rules.team_max
    ]


def _local_windows(problem: Problem, plan: Plan, event: Event) -> list[Violation]:
    """Each call of a person joining from home, read on their own clock (zoneinfo, DST)."""
    people = {p.key: p for p in problem.participants}
    found = []
    for meeting in plan.meetings:
        place = _place(problem, meeting)
        if place is None or not place.remote:
            continue
        for person in meeting.people:
            participant = people.get(person)
            window = participant.local_window if participant else None
            if window is None:
                continue
            zone = zoneinfo.ZoneInfo(window.zone)
            start, end = meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
            inside = (
                start.date() == window.date
                and end.date() == window.date
                and window.starts <= start.time().replace(tzinfo=None)
                and end.time().replace(tzinfo=None) <= window.ends
            )
            if not inside:
                found.append(
                    Violation(
                        Kind.LOCAL_WINDOW,
                        (person,),
                        (meeting,),
                        f"{start:%-I:%M %p} to {end:%-I:%M %p} in {window.zone}, outside "
                        f"{window.starts:%-I:%M %p} to {window.ends:%-I:%M %p} there",
                    )
                )
    return found


def _lines_taken(problem: Problem, meetings):
    """Each moment a call takes one of our lines: (moment, calls holding a line then).

    A line is taken at a call's start and free again once it has rested; at the same
    moment a line frees before it is taken again.
    """
    rest = datetime.timedelta(minutes=problem.rules.line_rest_minutes)
    calls = [m for m in meetings if _on_our_line(problem, m)]
    moments = sorted(
        [(m.ends_at + rest, -1, m) for m in calls] + [(m.starts_at, 1, m) for m in calls],
        key=lambda item: (item[0], item[1]),
    )
    holding = []
    for moment, change, meeting in moments:
        if change < 0:
            holding.remove(meeting)
        else:
            holding.append(meeting)
            yield moment, list(holding)


def most_lines_at_once(problem: Problem, meetings) -> int:
    """The most of our lines the meetings hold at any moment (for the plan's summary)."""
    return max((len(holding) for _, holding in _lines_taken(problem, meetings)), default=0)


def _line_capacity(problem: Problem, plan: Plan) -> list[Violation]:
    """Calls on our lines at any moment, each holding its line until it has rested after."""
    rules = problem.rules
    if rules.video_lines is None:
        return []
    found = []
    for moment, holding in _lines_taken(problem, plan.meetings):
        busy = len(holding)
        if busy > rules.video_lines:
            found.append(
                Violation(
                    Kind.LINE_CAPACITY,
                    tuple(sorted({p for m in holding for p in m.people})),
                    tuple(holding),
                    f"{busy} calls on our lines at {moment:%-I:%M %p}, "
                    f"more than the {rules.video_lines} we have",
                )
            )
    return found

"""What a draft achieves, and whose day it would change, counted in Python over loaded rows."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from lawmakers.models import Lawmaker
from members.models import User
from planner.checker import most_lines_at_once
from planner.inputs import PlanInputs
from planner.models import PlanRun, ProposedMeeting
from planner.problem import PlannedMeeting, Priority

PRIORITY_LABELS = {Priority.MUST: "Must", Priority.SHOULD: "Should", Priority.NICE: "Nice to have"}


@dataclass
class PriorityCount:
    label: str
    planned: int
    total: int


@dataclass
class Summary:
    by_priority: list[PriorityCount]
    meetings: int
    with_constituent: int
    constituent_possible: int
    per_person_min: int
    per_person_median: float
    per_person_max: int
    first_timers: int
    first_timers_accompanied: int
    people_left_out: list[tuple[User, str]] = field(default_factory=list)
    offices_left_out: list[tuple[Lawmaker, str]] = field(default_factory=list)
    # A day with calls: how many, and the most of our video lines they hold at once.
    calls: int = 0
    lines_at_once: int = 0
    video_lines: int | None = None


def _office_reason(run: PlanRun, inputs: PlanInputs, office) -> str:
    reason = run.offices_left_out.get(str(office.key))
    if reason:
        return reason
    if not any(office.key in p.constituent_of for p in inputs.problem.participants):
        lawmaker = inputs.lawmakers[office.key]
        return f"nobody registered from {lawmaker.seat}"
    return "nobody is free while the office is available"


def summarise(run: PlanRun, inputs: PlanInputs, rows: list[ProposedMeeting]) -> Summary:
    problem = inputs.problem
    planned = {row.lawmaker_id for row in rows}
    by_priority = [
        PriorityCount(
            label=PRIORITY_LABELS[priority],
            planned=sum(o.key in planned for o in problem.offices if o.priority == priority),
            total=sum(o.priority == priority for o in problem.offices),
        )
        for priority in (Priority.MUST, Priority.SHOULD, Priority.NICE)
    ]
    participants = {p.key: p for p in problem.participants}
    count = defaultdict(int)
    accompanied = defaultdict(lambda: True)
    with_constituent = possible = 0
    registered_constituents = defaultdict(int)
    for participant in problem.participants:
        for office in participant.constituent_of:
            registered_constituents[office] += 1
    for row in rows:
        team = [participants[pk] for pk in row.people if pk in participants]
        if registered_constituents[row.lawmaker_id]:
            possible += 1
            with_constituent += any(row.lawmaker_id in p.constituent_of for p in team)
        experienced = any(p.experienced for p in team)
        for person in team:
            count[person.key] += 1
            if not person.experienced and not experienced:
                accompanied[person.key] = False
    loads = [count[p.key] for p in problem.participants] or [0]
    first_timers = [p for p in problem.participants if not p.experienced and count[p.key]]

    people_left_out = [
        (
            inputs.people[p.key],
            run.people_left_out.get(str(p.key)) or "no meeting fitted their day",
        )
        for p in problem.participants
        if not count[p.key]
    ]
    people_left_out += inputs.unplaceable
    offices_left_out = [
        (inputs.lawmakers[o.key], _office_reason(run, inputs, o))
        for o in problem.offices
        if o.key not in planned
    ]
    offices_left_out += [
        (inputs.lawmakers[pk], reason) for pk, reason in inputs.offices_excluded.items()
    ]
    offices = {o.key: o for o in problem.offices}
    as_planned = [
        PlannedMeeting(row.lawmaker_id, row.starts_at, row.ends_at, tuple(row.people))
        for row in rows
    ]
    return Summary(
        calls=sum(
            1
            for row in rows
            if row.lawmaker_id in offices and offices[row.lawmaker_id].place.remote
        ),
        lines_at_once=most_lines_at_once(problem, as_planned),
        video_lines=problem.rules.video_lines,
        by_priority=by_priority,
        meetings=len(rows),
        with_constituent=with_constituent,
        constituent_possible=possible,
        per_person_min=min(loads),
        per_person_median=statistics.median(loads),
        per_person_max=max(loads),
        first_timers=len(first_timers),
        first_timers_accompanied=sum(accompanied[p.key] for p in first_timers),
        people_left_out=people_left_out,
        offices_left_out=sorted(offices_left_out, key=lambda pair: (pair[0].state, str(pair[0]))),
    )


@dataclass
class ItineraryChange:
    person: User
    before: list[str]
    after: list[str]


def itinerary_changes(inputs: PlanInputs, rows: list[ProposedMeeting]) -> list[ItineraryChange]:
    """Whose day the draft changes against the meetings that exist, with both days in words."""
    event = inputs.event

    def stop(lawmaker: Lawmaker, starts_at) -> tuple:
        return (starts_at, lawmaker.pk, f"{event.local(starts_at):%-I:%M %p} {lawmaker}")

    before, after = defaultdict(set), defaultdict(set)
    for meeting in inputs.meetings.values():
        for seat in meeting.live_seats:
            if seat.user_id in inputs.people:
                before[seat.user_id].add(stop(meeting.lawmaker, meeting.starts_at))
    for row in rows:
        for pk in row.people:
            if pk in inputs.people:
                after[pk].add(stop(row.lawmaker, row.starts_at))
    changes = []
    for pk, person in inputs.people.items():
        if before[pk] != after[pk]:
            changes.append(
                ItineraryChange(
                    person=person,
                    before=[words for *_, words in sorted(before[pk])],
                    after=[words for *_, words in sorted(after[pk])],
                )
            )
    return changes

"""From the solver's values to planned meetings, with a lead and a note-taker each."""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from planner.problem import PlannedMeeting
from planner.solver.model import Variables
from planner.solver.prepare import Instance


def pinned(instance: Instance, roles: Roles) -> list[PlannedMeeting]:
    """The pins as they are, with a lead and a note-taker among their people."""
    return [
        PlannedMeeting(
            office=pin.office,
            starts_at=pin.starts_at,
            ends_at=pin.ends_at,
            people=tuple(sorted(pin.people)),
            meeting=pin.meeting,
            **roles.pick(pin.office, sorted(p for p in pin.people if p in instance.people)),
        )
        for pin in instance.problem.pins
    ]


def chosen_teams(found: Variables, solver: cp_model.CpSolver) -> dict[int, list[int]]:
    """The people the assignment put in each held office."""
    return {
        office: sorted(
            p for p in found.people_of[office] if solver.boolean_value(found.joins[(p, office)])
        )
        for office, held in sorted(found.held.items())
        if solver.boolean_value(held)
    }


def extract(
    instance: Instance, teams: dict[int, list[int]], starts: dict[int, int], roles: Roles
) -> list[PlannedMeeting]:
    """The meetings of one solved part, at the times the schedule gave them."""
    grid = instance.grid
    incumbent_meeting = {i.office: i.meeting for i in instance.problem.incumbents}
    return [
        PlannedMeeting(
            office=office,
            starts_at=grid.time(starts[office]),
            ends_at=grid.end(starts[office]),
            people=tuple(teams[office]),
            meeting=incumbent_meeting.get(office),
            **roles.pick(office, teams[office]),
        )
        for office in sorted(starts)
    ]


class Roles:
    """Picks leads among experienced constituents first, spreading the roles around."""

    def __init__(self, instance: Instance):
        self.people = instance.people
        self.leads = defaultdict(int)
        self.notes = defaultdict(int)

    def pick(self, office: int, people: list[int]) -> dict:
        if not people:
            return {"lead": None, "note_taker": None}

        def lead_rank(key):
            person = self.people[key]
            return (
                not (person.experienced and office in person.constituent_of),
                not person.experienced,
                office not in person.constituent_of,
                office not in person.knows,
                self.leads[key],
                key,
            )

        lead = min(people, key=lead_rank)
        self.leads[lead] += 1
        others = [p for p in people if p != lead]
        if not others:
            return {"lead": lead, "note_taker": None}
        note_taker = min(others, key=lambda k: (not self.people[k].experienced, self.notes[k], k))
        self.notes[note_taker] += 1
        return {"lead": lead, "note_taker": note_taker}

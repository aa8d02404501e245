"""A warm start: a quick feasible plan the solver starts from and improves.

Not the answer, only a hint: in a re-plan the accepted meetings that still fit come
first, as they were; then offices in priority order take the free candidates who fit
(constituents first, then those who were in its meeting) at the earliest start that
fits everyone's day so far.
"""

from __future__ import annotations

from collections import defaultdict

from planner.problem import Priority
from planner.solver.model import Variables
from planner.solver.prepare import Instance


def add_hint(found: Variables, instance: Instance) -> dict[int, tuple[int, list[int]]]:
    """Hints the model and returns the plan hinted: office -> (start slot, team)."""
    rules = instance.problem.rules
    day: dict[int, list[tuple[int, int]]] = defaultdict(list)  # person -> (slot, office)
    chosen: dict[int, tuple[int, list[int]]] = {}

    def fits(person: int, office: int, slot: int) -> bool:
        if slot not in instance.edges[(person, office)]:
            return False
        if len(day[person]) >= instance.capacity[person]:
            return False
        return instance.walks_fit(day[person], office, slot)

    accepted = {}
    for incumbent in instance.problem.incumbents:
        slot = instance.grid.slot_of(incumbent.starts_at)
        if incumbent.office in found.held and slot in instance.office_slots[incumbent.office]:
            accepted[incumbent.office] = (slot, incumbent.people)
    was_in = defaultdict(frozenset)
    for incumbent in instance.problem.incumbents:
        was_in[incumbent.office] = incumbent.people

    def needs_constituent(office: int, people: list[int]) -> bool:
        return instance.offices[office].priority != Priority.MUST and any(
            office in instance.people[p].constituent_of for p in people
        )

    def has_constituent(office: int, team: list[int]) -> bool:
        return any(office in instance.people[p].constituent_of for p in team)

    # A re-plan starts from the accepted meetings that still fit, as they were.
    for office in sorted(accepted, key=lambda o: (-instance.offices[o].priority, o)):
        slot, people = accepted[office]
        team = [p for p in sorted(people) if (p, office) in found.joins and fits(p, office, slot)]
        team = team[: rules.team_max]
        if len(team) < rules.team_min:
            continue
        needed = needs_constituent(office, found.people_of[office])
        if needed and not has_constituent(office, team):
            continue
        chosen[office] = (slot, team)
        for person in team:
            day[person].append((slot, office))
    order = sorted(
        (o for o in found.held if o not in chosen),
        key=lambda o: (-instance.offices[o].priority, o),
    )
    for office in order:
        people = sorted(
            found.people_of[office],
            key=lambda p: (
                office not in instance.people[p].constituent_of,
                p not in was_in[office],
                len(day[p]),
                p,
            ),
        )
        needed = needs_constituent(office, people)
        for slot in instance.office_slots[office]:
            free = [p for p in people if fits(p, office, slot)]
            team = _with_experience(free[: rules.team_max], free, instance)
            if needed and not has_constituent(office, team):
                continue
            if len(team) >= rules.team_min:
                chosen[office] = (slot, team)
                for person in team:
                    day[person].append((slot, office))
                break
    model = found.model
    for office, held in found.held.items():
        slot, team = chosen.get(office, (None, []))
        model.add_hint(held, office in chosen)
        if slot is not None:
            model.add_hint(found.start[office], slot)
        for person in found.people_of[office]:
            model.add_hint(found.joins[(person, office)], person in team)
    return chosen


def _with_experience(team: list[int], free: list[int], instance: Instance) -> list[int]:
    """The team with an experienced member: added when there is room, else in the last place."""
    experienced = [p for p in free if instance.people[p].experienced]
    if not team or not experienced or any(instance.people[p].experienced for p in team):
        return team
    if len(team) < instance.problem.rules.team_max:
        return [*team, experienced[0]]
    return [*team[:-1], experienced[0]]

"""The hard rules as a CP-SAT model over the prepared instance.

Each office that can be planned has a start slot `start[o]` (its domain holds only the
times the office, the day and the blocked windows allow) and a literal `held[o]`.
Each allowed pairing has a literal `joins[p, o]`, which keeps the start inside the
slots that person can make. Pins never appear as variables: they were taken out of the
edges' start slots while preparing.

The walks between a person's meetings are stated here only where time is tight: for
offices that can meet only within a short stretch (a confirmed time, a narrow window)
and for people who are here only a short while. One literal `apart[a, b]` per pair of
offices, when true, orders the two starts with the walk between them; a person joining
both forces it. Everywhere else the day is long enough that the assignment decides
the quality, and `schedule` then sets the times with every walk exact; leaving those
pairs out keeps this model small and its bound tight.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.solver.prepare import Instance


@dataclass
class Variables:
    model: cp_model.CpModel
    held: dict[int, cp_model.IntVar] = field(default_factory=dict)
    start: dict[int, cp_model.IntVar] = field(default_factory=dict)
    joins: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    # Offices each person may join, and people each office may have.
    offices_of: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    people_of: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    load: dict[int, cp_model.LinearExpr] = field(default_factory=dict)
    # The warm start's plan (office -> start slot, team), a fallback when time runs out.
    hinted: dict[int, tuple[int, list[int]]] = field(default_factory=dict)


def build(instance: Instance) -> Variables:
    rules = instance.problem.rules
    model = cp_model.CpModel()
    found = Variables(model)
    for person, office in instance.edges:
        found.offices_of[person].append(office)
        found.people_of[office].append(person)
    for office, slots in instance.office_slots.items():
        if len(found.people_of[office]) < rules.team_min:
            continue
        found.held[office] = model.new_bool_var(f"held_{office}")
        found.start[office] = model.new_int_var_from_domain(
            cp_model.Domain.from_values(slots), f"start_{office}"
        )
    for (person, office), slots in instance.edges.items():
        if office not in found.held:
            continue
        joins = model.new_bool_var(f"joins_{person}_{office}")
        found.joins[(person, office)] = joins
        model.add_implication(joins, found.held[office])
        if len(slots) < len(instance.office_slots[office]):
            model.add_linear_expression_in_domain(
                found.start[office], cp_model.Domain.from_values(slots)
            ).only_enforce_if(joins)
    for office in list(found.people_of):
        found.people_of[office] = [
            p for p in found.people_of[office] if (p, office) in found.joins
        ]
    for person in list(found.offices_of):
        found.offices_of[person] = [
            o for o in found.offices_of[person] if (person, o) in found.joins
        ]
    _team_sizes(found, rules)
    _loads(found, instance)
    _walks(found, instance, everywhere=len(instance.edges) <= EXACT_EDGES)
    return found


def _team_sizes(found: Variables, rules) -> None:
    for office, held in found.held.items():
        team = cp_model.LinearExpr.sum([found.joins[(p, office)] for p in found.people_of[office]])
        found.model.add(team >= rules.team_min * held)
        found.model.add(team <= rules.team_max * held)


def _loads(found: Variables, instance: Instance) -> None:
    for person, offices in found.offices_of.items():
        load = cp_model.LinearExpr.sum([found.joins[(person, o)] for o in offices])
        found.load[person] = load
        if len(offices) > instance.capacity[person]:
            found.model.add(load <= instance.capacity[person])


# A part this small states every walk: it is cheap, and the model is then exact.
EXACT_EDGES = 80
# A stretch of start slots this short (two hours on a five-minute grid) counts as tight.
TIGHT_SLOTS = 24


def _span(slots: list[int]) -> int:
    return slots[-1] - slots[0]


def _walks(found: Variables, instance: Instance, everywhere: bool = False) -> None:
    grid, walking = instance.grid, instance.problem.rules.walking_minutes
    apart: dict[tuple[int, int], cp_model.IntVar | None] = {}
    narrow = {o for o, slots in instance.office_slots.items() if _span(slots) <= TIGHT_SLOTS}
    for person, offices in found.offices_of.items():
        offices = sorted(offices)
        short = everywhere or any(
            _span(instance.edges[(person, o)]) <= 2 * TIGHT_SLOTS for o in offices
        )
        for i, first in enumerate(offices):
            for second in offices[i + 1 :]:
                if not (short or (first in narrow and second in narrow)):
                    continue
                pair = (first, second)
                if pair not in apart:
                    apart[pair] = _apart(found, instance, first, second, grid, walking)
                literal = apart[pair]
                if literal is None:
                    continue
                found.model.add_bool_or(
                    [
                        found.joins[(person, first)].Not(),
                        found.joins[(person, second)].Not(),
                        literal,
                    ]
                )


def _apart(found, instance, first, second, grid, walking):
    """A literal that keeps two offices' meetings a walk apart, or None when they always are."""
    place_a, place_b = instance.offices[first].place, instance.offices[second].place
    a_then_b = grid.separation(walking(place_a, place_b))
    b_then_a = grid.separation(walking(place_b, place_a))
    slots_a, slots_b = instance.office_slots[first], instance.office_slots[second]
    if slots_a[-1] + a_then_b <= slots_b[0] or slots_b[-1] + b_then_a <= slots_a[0]:
        return None
    model = found.model
    literal = model.new_bool_var(f"apart_{first}_{second}")
    a_first = model.new_bool_var(f"order_{first}_{second}")
    start_a, start_b = found.start[first], found.start[second]
    model.add(start_a + a_then_b <= start_b).only_enforce_if([literal, a_first])
    model.add(start_b + b_then_a <= start_a).only_enforce_if([literal, a_first.Not()])
    return literal

"""The goals, as one weighted objective the solver maximises.

The weights make the order of the goals nearly lexicographic: covering one more must
office outweighs everything below it, and so on down the list. A re-plan adds two
terms above the should offices: keeping each accepted person-meeting, and not
changing a person's day at all. Idle time, the last goal, is left to a second pass
with the teams fixed (`compact`): as a term here it kept the solver from proving
anything, since a day's span is bounded only weakly by the walks between meetings.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from planner.problem import Priority
from planner.solver.model import Variables
from planner.solver.prepare import Instance


@dataclass(frozen=True)
class Weights:
    cover: tuple[tuple[Priority, int], ...] = (
        (Priority.MUST, 100_000),
        (Priority.SHOULD, 10_000),
        (Priority.NICE, 1_000),
    )
    # A re-plan: an accepted person-meeting kept as it was; a person whose day changes.
    keep_incumbent: int = 20_000
    changed_person: int = 40_000
    constituent_present: int = 5_000
    first_timer_alone: int = 3_000
    # A person's first, second, … meeting: falling rewards spread the load evenly.
    nth_meeting: tuple[int, ...] = (2_000, 600, 300, 120, 40, 15, 5)
    knows_office: int = 1_500
    with_mentor: int = 400
    experienced_constituent: int = 200
    note_taker_possible: int = 200
    crossing: int = 150
    # Each extra home group in one meeting (teams staying together across the day).
    extra_group: int = 60


DEFAULT_WEIGHTS = Weights()


def add_objective(found: Variables, instance: Instance, weights: Weights = DEFAULT_WEIGHTS):
    terms = []
    terms += _coverage(found, instance, weights)
    terms += _constituents(found, instance, weights)
    terms += _experience(found, instance, weights)
    terms += _load(found, instance, weights)
    terms += _knows(found, instance, weights)
    terms += _groups(found, instance, weights)
    terms += _crossings(found, instance, weights)
    terms += _incumbents(found, instance, weights)
    found.model.maximize(
        cp_model.LinearExpr.weighted_sum([var for _, var in terms], [w for w, _ in terms])
    )


def _total(found, office, people):
    return cp_model.LinearExpr.sum([found.joins[(p, office)] for p in people])


def _coverage(found, instance, weights):
    value = dict(weights.cover)
    return [(value[instance.offices[o].priority], held) for o, held in found.held.items()]


def _constituents(found, instance, weights):
    model, terms = found.model, []
    for office in found.held:
        people = found.people_of[office]
        constituents = [p for p in people if office in instance.people[p].constituent_of]
        if not constituents:
            continue
        if instance.offices[office].priority != Priority.MUST:
            # Below the must offices a constituent outranks the coverage itself: the
            # office is met with one of its own people or not at all. Stated as a
            # rule, it also tightens the bound the solver has to prove.
            model.add(_total(found, office, constituents) >= found.held[office])
        present = model.new_bool_var(f"constituent_{office}")
        model.add(present <= _total(found, office, constituents))
        terms.append((weights.constituent_present, present))
        seasoned = [p for p in constituents if instance.people[p].experienced]
        if seasoned:
            lead = model.new_bool_var(f"lead_{office}")
            model.add(lead <= _total(found, office, seasoned))
            terms.append((weights.experienced_constituent, lead))
    if instance.problem.rules.team_min < 2:
        for office in found.held:
            pair = model.new_bool_var(f"pair_{office}")
            model.add(2 * pair <= _total(found, office, found.people_of[office]))
            terms.append((weights.note_taker_possible, pair))
    return terms


def _experience(found, instance, weights):
    model, terms = found.model, []
    for office in found.held:
        people = found.people_of[office]
        seasoned = _total(found, office, [p for p in people if instance.people[p].experienced])
        for person in people:
            participant = instance.people[person]
            if participant.experienced:
                continue
            joins = found.joins[(person, office)]
            alone = model.new_bool_var(f"alone_{person}_{office}")
            model.add(joins - seasoned <= alone)
            terms.append((-weights.first_timer_alone, alone))
            mentor = participant.mentor
            if mentor is not None and (mentor, office) in found.joins:
                together = model.new_bool_var(f"mentored_{person}_{office}")
                model.add_implication(together, joins)
                model.add_implication(together, found.joins[(mentor, office)])
                terms.append((weights.with_mentor, together))
    return terms


def _load(found, instance, weights):
    model, terms = found.model, []
    for person, offices in found.offices_of.items():
        most = min(len(offices), instance.capacity[person], len(weights.nth_meeting))
        if most == 0:
            continue
        steps = [model.new_bool_var(f"nth_{person}_{n}") for n in range(most)]
        for earlier, later in itertools.pairwise(steps):
            model.add_implication(later, earlier)
        model.add(cp_model.LinearExpr.sum(steps) <= found.load[person])
        terms += [(weights.nth_meeting[n], step) for n, step in enumerate(steps)]
    return terms


def _knows(found, instance, weights):
    return [
        (weights.knows_office, joins)
        for (person, office), joins in found.joins.items()
        if office in instance.people[person].knows
    ]


def home_groups(instance: Instance) -> dict[int, tuple]:
    """Each person's home group: their chapter and constituency, cut into team-sized groups."""
    size = instance.problem.rules.team_max
    by_home = defaultdict(list)
    for person in sorted(instance.people):
        participant = instance.people[person]
        by_home[(participant.chapter, tuple(sorted(participant.constituent_of)))].append(person)
    groups = {}
    for home, members in by_home.items():
        count = -(-len(members) // size)
        for n, person in enumerate(members):
            groups[person] = (*home, n % count)
    return groups


def _groups(found, instance, weights):
    model, terms = found.model, []
    groups = home_groups(instance)
    team_max = instance.problem.rules.team_max
    for office, held in found.held.items():
        if len(found.people_of[office]) <= team_max:
            continue  # everyone may come: no choice of groups to make
        by_group = defaultdict(list)
        for person in found.people_of[office]:
            by_group[groups[person]].append(found.joins[(person, office)])
        if len(by_group) < 2:
            continue
        used = []
        for n, members in enumerate(by_group.values()):
            flag = model.new_bool_var(f"group_{office}_{n}")
            for joins in members:
                model.add_implication(joins, flag)
            used.append(flag)
        terms += [(-weights.extra_group, flag) for flag in used]
        terms.append((weights.extra_group, held))
    return terms


def _crossings(found, instance, weights):
    """Penalise a day on both sides of the Capitol where it could stay on one.

    Someone whose own offices are on both sides crosses whatever the plan does, so
    the term is built only for those it can spare a walk: it keeps a filler on the
    side their own meetings are on.
    """
    model, terms = found.model, []
    for person, offices in found.offices_of.items():
        chambers = {instance.offices[o].chamber for o in offices}
        own = {
            instance.offices[o].chamber
            for o in offices
            if o in instance.people[person].constituent_of
        }
        if len(chambers) < 2 or len(own) > 1:
            continue
        seen = {}
        for chamber in sorted(chambers):
            flag = model.new_bool_var(f"side_{person}_{chamber}")
            for office in offices:
                if instance.offices[office].chamber == chamber:
                    model.add_implication(found.joins[(person, office)], flag)
            seen[chamber] = flag
        crosses = model.new_bool_var(f"crosses_{person}")
        model.add(cp_model.LinearExpr.sum(list(seen.values())) - 1 <= crosses * (len(seen) - 1))
        terms.append((-weights.crossing, crosses))
    return terms


def _incumbents(found, instance, weights):
    model, terms = found.model, []
    incumbents = instance.problem.incumbents
    if not incumbents:
        return terms
    kept_at: dict[int, list] = defaultdict(list)
    had: dict[int, set[int]] = defaultdict(set)
    pinned = {(pin.office, pin.starts_at): pin.people for pin in instance.problem.pins}
    for incumbent in incumbents:
        office = incumbent.office
        # Pinned since as it was: those people's meeting is unchanged whatever we do.
        unchanged = pinned.get((office, incumbent.starts_at), frozenset())
        for person in incumbent.people:
            if person in instance.people and person not in unchanged:
                had[person].add(office)
        if office not in found.held:
            continue
        slot = instance.grid.slot_of(incumbent.starts_at)
        if slot is None or slot not in instance.office_slots[office]:
            continue
        on_time = model.new_bool_var(f"on_time_{office}")
        model.add(found.start[office] == slot).only_enforce_if(on_time)
        model.add_implication(on_time, found.held[office])
        for person in incumbent.people:
            if (person, office) in found.joins:
                kept = model.new_bool_var(f"kept_{person}_{office}")
                model.add_implication(kept, on_time)
                model.add_implication(kept, found.joins[(person, office)])
                kept_at[person].append((office, kept))
                terms.append((weights.keep_incumbent, kept))
    for person, offices in had.items():
        changed = model.new_bool_var(f"changed_{person}")
        kept = dict(kept_at[person])
        for office in offices:
            if office not in kept:
                model.add(changed == 1)
                break
            model.add(changed >= 1 - kept[office])
        for office in found.offices_of.get(person, []):
            if office not in offices:
                model.add_implication(found.joins[(person, office)], changed)
        terms.append((-weights.changed_person, changed))
    return terms


def most_a_meeting_adds(
    instance: Instance, office: int, team: list[int], weights: Weights = DEFAULT_WEIGHTS
) -> int:
    """An upper bound on what one meeting contributes to the objective.

    When the schedule has to drop a meeting the assignment chose, the plan's value is
    lowered by this much, so the reported gap can only overstate the distance.
    """
    priority = instance.offices[office].priority
    per_person = (
        weights.nth_meeting[0]
        + weights.knows_office
        + weights.with_mentor
        + weights.keep_incumbent
        + weights.changed_person
    )
    return (
        dict(weights.cover)[priority]
        + weights.constituent_present
        + weights.experienced_constituent
        + weights.note_taker_possible
        + weights.extra_group
        + len(team) * per_person
    )

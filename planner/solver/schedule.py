"""The second pass: times for the teams the assignment chose, every walk exact.

With who meets which office fixed, what is left is a small scheduling problem: one
start per meeting, inside the slots all its people can make, and for each pair of a
person's meetings an order with the walk between them. It also serves the last goals
the first pass leaves out: less idle time between a person's first and last meeting.
It solves twice: first keeping as many meetings and accepted times as fit (proven at
once when all fit), then, with those fixed, the least idle time. A meeting that cannot
be fitted is dropped (that loss is counted in the plan's gap); when even the first
solve finds nothing in time, the warm start's timetable is used as it is.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from planner.solver.lines import LineBook
from planner.solver.prepare import Instance

# Keeping a meeting outweighs any idle time; keeping an accepted time outweighs a compact day.
KEEP_MEETING = 100_000
KEEP_TIME = 5_000
IDLE_SLOT = 1
# Below this much time left, the idle-time pass is not worth starting.
MIN_POLISH_SECONDS = 0.05


@dataclass
class Timetable:
    starts: dict[int, int]
    dropped: set[int]
    status: int


def schedule(
    instance: Instance,
    teams: dict[int, list[int]],
    first_starts: dict[int, int],
    *,
    time_limit: float,
    seed: int,
    workers: int,
    lines: LineBook | None = None,
) -> Timetable:
    """Start slots for the chosen meetings; `first_starts` are the first pass's times.

    With `lines`, calls on our line never hold more lines at once than the book has
    free; what is kept is not written into the book (the caller does that).
    """
    rules, grid = instance.problem.rules, instance.grid
    walking = rules.walking_minutes
    model = cp_model.CpModel()
    slots = {}
    for office, team in teams.items():
        allowed = set(instance.office_slots[office])
        for person in team:
            allowed &= set(instance.edges[(person, office)])
        slots[office] = sorted(allowed)
    kept = {o: model.new_bool_var(f"kept_{o}") for o in teams}
    start = {
        o: model.new_int_var_from_domain(cp_model.Domain.from_values(slots[o]), f"start_{o}")
        for o in teams
    }
    meetings_of = defaultdict(list)
    for office, team in teams.items():
        for person in team:
            meetings_of[person].append(office)
    ordered = {}
    for offices in meetings_of.values():
        offices = sorted(offices)
        for i, first in enumerate(offices):
            for second in offices[i + 1 :]:
                if (first, second) in ordered:
                    continue
                place_a = instance.offices[first].place
                place_b = instance.offices[second].place
                a_then_b = grid.separation(walking(place_a, place_b))
                b_then_a = grid.separation(walking(place_b, place_a))
                a_first = model.new_bool_var(f"order_{first}_{second}")
                both = [kept[first], kept[second]]
                model.add(start[first] + a_then_b <= start[second]).only_enforce_if(
                    [*both, a_first]
                )
                model.add(start[second] + b_then_a <= start[first]).only_enforce_if(
                    [*both, a_first.Not()]
                )
                ordered[(first, second)] = a_first
    if lines is not None and lines.limited:
        _line_capacity(model, instance, teams, kept, start, lines)
    keep = [(KEEP_MEETING, kept[o]) for o in teams]
    accepted = {i.office: grid.slot_of(i.starts_at) for i in instance.problem.incumbents}
    for office in teams:
        slot = accepted.get(office)
        if slot is not None and first_starts.get(office) == slot and slot in slots[office]:
            on_time = model.new_bool_var(f"on_time_{office}")
            model.add(start[office] == slot).only_enforce_if(on_time)
            keep.append((KEEP_TIME, on_time))
    greedy = _hint(model, instance, teams, slots, first_starts, kept, start, lines)
    deadline = time.perf_counter() + time_limit
    # First every meeting and accepted time that can be kept: the bound of this pass is
    # reached as soon as everything fits, so it is usually proven in a moment.
    status, solver = _solve(model, keep, deadline - time.perf_counter(), seed, workers)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        held = {o for o in teams if solver.boolean_value(kept[o])}
        found = {o: solver.value(start[o]) for o in held}
    else:
        # No time for even the first answer (a busy machine): the warm start is a
        # valid timetable too, so keep what it fitted rather than nothing.
        held, found = set(greedy), dict(greedy)
    # Then, with those fixed, the least idle time in what is left of the limit.
    for office in teams:
        model.add(kept[office] == int(office in held))
        if office in held and found[office] == accepted.get(office):
            model.add(start[office] == found[office])
    model.clear_hints()
    for office in teams:
        model.add_hint(kept[office], office in held)
        if office in held:
            model.add_hint(start[office], found[office])
    idle = _idle_terms(model, grid, meetings_of, kept, start)
    if idle and deadline - time.perf_counter() > MIN_POLISH_SECONDS:
        polished, solver = _solve(model, idle, deadline - time.perf_counter(), seed, workers)
        if polished in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            found = {o: solver.value(start[o]) for o in held}
    return Timetable(found, set(teams) - held, status)


def _line_capacity(model, instance, teams, kept, start, lines: LineBook) -> None:
    """At no slot more calls on our line than the lines the book has left."""
    ours = [o for o in teams if instance.offices[o].our_line]
    if not ours:
        return
    intervals = [
        model.new_optional_fixed_size_interval_var(start[o], lines.hold, kept[o], f"line_{o}")
        for o in ours
    ]
    demands = [1] * len(ours)
    for tick, count in lines.taken():
        intervals.append(model.new_fixed_size_interval_var(tick, 1, f"taken_{tick}"))
        demands.append(count)
    model.add_cumulative(intervals, demands, lines.lines)


def _solve(model, terms, seconds, seed, workers):
    model.maximize(cp_model.LinearExpr.weighted_sum([v for _, v in terms], [w for w, _ in terms]))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(MIN_POLISH_SECONDS, seconds)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers
    return solver.solve(model), solver


def _idle_terms(model, grid, meetings_of, kept, start):
    terms, last = [], grid.last_start
    for person, offices in meetings_of.items():
        if len(offices) < 2:
            continue
        first = model.new_int_var(0, last, f"first_{person}")
        final = model.new_int_var(0, last, f"last_{person}")
        for office in offices:
            model.add(first <= start[office]).only_enforce_if(kept[office])
            model.add(final >= start[office]).only_enforce_if(kept[office])
        span = model.new_int_var(0, last, f"span_{person}")
        model.add(span >= final - first)
        terms.append((-IDLE_SLOT, span))
    return terms


def _hint(model, instance, teams, slots, first_starts, kept, start, lines=None) -> dict[int, int]:
    """A feasible start: each meeting at its first-pass time when that fits, else the earliest.

    Meetings go in by priority, the ones with the fewest possible times first; the
    times given are returned, a valid timetable of the meetings that fitted.
    """
    day: dict[int, list[tuple[int, int]]] = defaultdict(list)
    on_line: Counter = Counter()

    def fits(office, slot):
        on_our_line = lines is not None and instance.offices[office].our_line
        if on_our_line and not lines.free_at(slot, on_line):
            return False
        return all(instance.walks_fit(day[person], office, slot) for person in teams[office])

    given = {}
    order = sorted(teams, key=lambda o: (-instance.offices[o].priority, len(slots[o]), o))
    for office in order:
        preferred = first_starts.get(office)
        choices = ([preferred] if preferred in slots[office] else []) + slots[office]
        slot = next((s for s in choices if fits(office, s)), None)
        model.add_hint(kept[office], slot is not None)
        if slot is not None:
            model.add_hint(start[office], slot)
            given[office] = slot
            if lines is not None and instance.offices[office].our_line:
                for tick in range(slot, slot + lines.hold):
                    on_line[tick] += 1
            for person in teams[office]:
                day[person].append((slot, office))
    return given

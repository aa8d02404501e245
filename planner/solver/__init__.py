"""The planner's solver: a day's problem in, the best plan CP-SAT can find (and prove) out.

`solve` prepares who may join which office and when (`prepare`), splits the day into
parts no edge connects (`parts`), and for each part states the hard rules (`model`)
and the goals (`objective`) as a CP-SAT model with a warm start (`hint`), solves it,
and turns the answer into meetings with leads and note-takers (`extract`). What was
left out gets reasons (`explain`); contradictory inputs are reported before any
solving (`conflicts`).
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.problem import Outcome, Plan, Problem, ProgressCallback
from planner.solver.conflicts import find_conflicts
from planner.solver.explain import offices_left_out, people_left_out
from planner.solver.extract import Roles, chosen_teams, extract, pinned
from planner.solver.hint import add_hint
from planner.solver.lines import LineBook
from planner.solver.model import build
from planner.solver.objective import add_objective, most_a_meeting_adds
from planner.solver.parts import split
from planner.solver.prepare import Instance, prepare
from planner.solver.schedule import schedule

__all__ = ["solve"]

# Even a small part needs a moment for CP-SAT's presolve and a first solution.
MIN_PART_SECONDS = 0.2
# The share of a part's time the assignment gets; the schedule has the rest.
ASSIGNMENT_SHARE = 0.8
# The share of the time limit kept back for the work after the parts are solved.
FINISHING_SHARE = 0.05
# Evaluating a fixed plan's objective is nearly instant; this is only a safety net.
EVALUATION_SECONDS = 1.0


def _gap(bound: float, value: float) -> float:
    if bound <= value:
        return 0.0
    return (bound - value) / max(abs(bound), 1e-9)


class _Progress(cp_model.CpSolverSolutionCallback):
    """Reports each better plan of a part as the solver finds it."""

    def __init__(self, report, share: float, message: str):
        super().__init__()
        self.report, self.share, self.message = report, share, message

    def on_solution_callback(self) -> None:
        gap = _gap(self.best_objective_bound, self.objective_value)
        self.report(self.share, f"{self.message}: a plan within {gap:.1%} of the best possible")


@dataclass
class _PartResult:
    part: Instance
    status: int
    bound: float
    value: float = 0.0
    proven: bool = False
    teams: dict = field(default_factory=dict)
    starts: dict = field(default_factory=dict)


def _value_of(found, teams, timetable, seed, fallback: float) -> float:
    """The objective's value of the plan as scheduled (what the schedule kept).

    The assignment is fixed to the kept meetings (people, times) and CP-SAT evaluates
    the objective on it, which takes a moment since nothing is left to choose. Should
    that fail, `fallback` is a value the plan surely reaches, so the gap can only
    overstate the distance.
    """
    model = found.model
    model.clear_hints()
    for office, held in found.held.items():
        kept = office in timetable.starts
        model.add(held == int(kept))
        if kept:
            model.add(found.start[office] == timetable.starts[office])
    for (person, office), joins in found.joins.items():
        model.add(joins == int(office in timetable.starts and person in teams[office]))
    check = cp_model.CpSolver()
    check.parameters.max_time_in_seconds = EVALUATION_SECONDS
    check.parameters.random_seed = seed
    check.parameters.num_workers = 1
    if check.solve(model) == cp_model.OPTIMAL:
        return check.objective_value
    return fallback


def _no_plan_bound(found, solver: cp_model.CpSolver) -> float:
    """A part with no plan counts in full: its bound, or every reward it could earn."""
    # Every term is a Boolean, and CP-SAT stores a maximised objective negated.
    rewards = sum(-c for c in found.model.proto.objective.coeffs if c < 0)
    bound = solver.best_objective_bound
    return bound if 0 < bound < float("inf") else float(rewards)


def _light_presolve(solver: cp_model.CpSolver) -> None:
    """A shorter presolve: on these models the full one costs more time than it saves."""
    solver.parameters.symmetry_level = 0
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.max_presolve_iterations = 1


class _Clock:
    """Shares the time left among the parts not started yet, by their size."""

    def __init__(self, parts, deadline: float, lanes: int):
        self.deadline, self.lanes = deadline, lanes
        self.waiting = sum(len(part.edges) for part in parts)
        self.lock = threading.Lock()

    def budget(self, part) -> float:
        with self.lock:
            left = max(0.0, self.deadline - time.perf_counter())
            share = left * min(1.0, self.lanes * len(part.edges) / max(1, self.waiting))
            self.waiting -= len(part.edges)
        return max(MIN_PART_SECONDS, share)


def _solve_parts(parts, deadline, seed, workers, report, lines: LineBook):
    """Build each part's model and solve it; parts solve side by side unless workers=1.

    CP-SAT releases the interpreter while it searches, so one part's model is built
    while others are being solved. With `workers=1` everything runs in order on one
    thread, so a seed gives the same plan every time.
    """
    lanes = 1 if workers == 1 else max(1, min(4, os.cpu_count() or 1))
    clock = _Clock(parts, deadline, lanes)
    done = [0]

    def run(part, found, message):
        started = time.perf_counter()
        budget = clock.budget(part)
        threads = 1 if workers == 1 else (workers or 2)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(
            MIN_PART_SECONDS, ASSIGNMENT_SHARE * budget - (time.perf_counter() - started)
        )
        solver.parameters.random_seed = seed
        solver.parameters.num_workers = threads
        _light_presolve(solver)
        share = 0.1 + 0.85 * done[0] / len(parts)
        status = solver.solve(found.model, _Progress(report, share, message))
        result = _PartResult(part, status, solver.best_objective_bound)
        solved = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        if solved:
            teams = chosen_teams(found, solver)
            starts = {office: solver.value(found.start[office]) for office in teams}
        else:
            # No answer in time (a busy machine): the warm start is a valid assignment,
            # so the part gets that plan and its full bound counts in the gap.
            result.bound = _no_plan_bound(found, solver)
            teams = {office: sorted(team) for office, (_, team) in found.hinted.items()}
            starts = {office: slot for office, (slot, _) in found.hinted.items()}
        # Our video lines are one pool: the parts' timetables take them one at a time.
        with lines.lock:
            timetable = schedule(
                part,
                teams,
                starts,
                time_limit=max(MIN_PART_SECONDS, budget - (time.perf_counter() - started)),
                seed=seed,
                workers=threads,
                lines=lines,
            )
            for office, slot in timetable.starts.items():
                if part.offices[office].our_line:
                    lines.take(slot)
        result.teams, result.starts = teams, timetable.starts
        # In a re-plan the schedule may not keep an accepted time the assignment kept,
        # so the value is then evaluated on the times given, as when meetings drop.
        if solved and not timetable.dropped and not part.problem.incumbents:
            result.value = solver.objective_value
        else:
            fallback = solver.objective_value - sum(
                most_a_meeting_adds(part, office, teams[office]) for office in timetable.dropped
            )
            result.value = _value_of(found, teams, timetable, seed, fallback if solved else 0.0)
        result.proven = (
            status == cp_model.OPTIMAL
            and not timetable.dropped
            and result.value >= solver.objective_value
        )
        done[0] += 1
        report(0.1 + 0.85 * done[0] / len(parts), f"planned {done[0]} of {len(parts)} parts")
        return result

    def model_of(part):
        found = build(part)
        add_objective(found, part)
        found.hinted = add_hint(found, part)
        return found

    if lanes == 1:
        for number, part in enumerate(parts, start=1):
            yield run(part, model_of(part), f"part {number} of {len(parts)}")
        return
    with ThreadPoolExecutor(max_workers=lanes) as pool:
        futures = [
            pool.submit(run, part, model_of(part), f"part {number} of {len(parts)}")
            for number, part in enumerate(parts, start=1)
        ]
        for future in futures:
            yield future.result()


def solve(
    problem: Problem,
    *,
    time_limit_seconds: float = 10.0,
    seed: int = 0,
    workers: int | None = None,
    progress: ProgressCallback | None = None,
) -> Plan:
    """Plan the day. `workers=1` with a fixed `seed` gives the same plan every time."""
    started = time.perf_counter()
    # The parts stop a little early: timing a part's meetings, evaluating what it kept
    # and explaining what was left out come after, and CP-SAT's own limits overrun a
    # little on a busy machine.
    deadline = started + (1 - FINISHING_SHARE) * time_limit_seconds

    def report(share: float, message: str) -> None:
        if progress is not None:
            progress(share, message)

    report(0.0, "checking the inputs")
    conflicts = find_conflicts(problem)
    if conflicts:
        return Plan(
            Outcome.INFEASIBLE, (), 0.0, time.perf_counter() - started, conflicts=conflicts
        )
    report(0.02, "working out who may join which office")
    instance = prepare(problem)
    parts = sorted(split(instance), key=lambda part: len(part.edges))
    roles = Roles(instance)
    meetings = pinned(instance, roles)
    proven, value, bound, unsolved = True, 0.0, 0.0, 0
    kept = len(meetings)
    lines = LineBook.of(instance)
    for result in _solve_parts(parts, deadline, seed, workers, report, lines):
        bound += result.bound
        value += result.value
        meetings += extract(result.part, result.teams, result.starts, roles)
        proven = proven and result.proven
        unsolved += result.status not in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    meetings = tuple(sorted(meetings, key=lambda m: (m.starts_at, m.office)))
    if proven:
        outcome = Outcome.OPTIMAL
    elif len(meetings) > kept or (meetings and not unsolved):
        outcome = Outcome.FEASIBLE
    else:
        # The clock ran out before any part had a plan: the pins alone are not one.
        outcome = Outcome.UNKNOWN
    report(1.0, "done")
    return Plan(
        outcome=outcome,
        meetings=meetings,
        gap=0.0 if proven else min(1.0, _gap(bound, value)),
        seconds=time.perf_counter() - started,
        offices_left_out=offices_left_out(instance, meetings),
        people_left_out=people_left_out(instance, meetings),
    )

"""The planner's solver: a day's problem in, the best plan CP-SAT can find (and prove) out.

`solve` prepares who may join which office and when (`prepare`), states the hard rules
(`model`) and the goals (`objective`) as one CP-SAT model, solves it within the time
limit, and turns the answer into meetings with leads and note-takers (`extract`) and
reasons for what was left out (`explain`). Contradictory inputs are reported before any
solving (`conflicts`).
"""

from __future__ import annotations

import os
import time

from ortools.sat.python import cp_model

from planner.problem import Outcome, Plan, Problem, ProgressCallback
from planner.solver.conflicts import find_conflicts
from planner.solver.explain import offices_left_out, people_left_out
from planner.solver.extract import extract
from planner.solver.hint import add_hint
from planner.solver.model import build
from planner.solver.objective import add_objective
from planner.solver.prepare import prepare

__all__ = ["solve"]

_OUTCOMES = {
    cp_model.OPTIMAL: Outcome.OPTIMAL,
    cp_model.FEASIBLE: Outcome.FEASIBLE,
    cp_model.INFEASIBLE: Outcome.INFEASIBLE,
    cp_model.MODEL_INVALID: Outcome.UNKNOWN,
    cp_model.UNKNOWN: Outcome.UNKNOWN,
}


class _Progress(cp_model.CpSolverSolutionCallback):
    """Reports each better plan as the solver finds it."""

    def __init__(self, progress: ProgressCallback | None, started: float, limit: float):
        super().__init__()
        self.progress, self.started, self.limit = progress, started, limit

    def on_solution_callback(self) -> None:
        if self.progress is None:
            return
        elapsed = time.perf_counter() - self.started
        bound, value = self.best_objective_bound, self.objective_value
        gap = _gap(bound, value)
        self.progress(
            min(0.95, 0.1 + 0.85 * elapsed / self.limit),
            f"found a plan within {gap:.1%} of the best possible",
        )


def _gap(bound: float, value: float) -> float:
    if bound == value:
        return 0.0
    return abs(bound - value) / max(abs(bound), 1e-9)


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
    report(0.05, "building the model")
    found = build(instance)
    add_objective(found, instance)
    add_hint(found, instance)
    solver = cp_model.CpSolver()
    remaining = max(0.5, time_limit_seconds - (time.perf_counter() - started))
    solver.parameters.max_time_in_seconds = remaining
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers or min(8, max(1, os.cpu_count() or 1))
    report(0.1, "searching for the best plan")
    status = solver.solve(found.model, _Progress(progress, started, time_limit_seconds))
    outcome = _OUTCOMES[status]
    if outcome in (Outcome.INFEASIBLE, Outcome.UNKNOWN):
        return Plan(outcome, (), 0.0, time.perf_counter() - started)
    meetings = extract(instance, found, solver)
    gap = (
        0.0
        if outcome == Outcome.OPTIMAL
        else _gap(solver.best_objective_bound, solver.objective_value)
    )
    report(1.0, "done")
    return Plan(
        outcome=outcome,
        meetings=meetings,
        gap=gap,
        seconds=time.perf_counter() - started,
        offices_left_out=offices_left_out(instance, meetings),
        people_left_out=people_left_out(instance, meetings),
    )

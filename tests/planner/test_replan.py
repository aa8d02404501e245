"""Re-plans keep what was accepted; contradictions are named; a seed gives the same plan."""

import dataclasses

import pytest
from ortools.sat.python import cp_model

from planner.problem import Outcome, Priority
from planner.solver import solve
from tests.planner.days import (
    at,
    incumbents_of,
    itineraries,
    office,
    person,
    pin,
    problem,
    violations,
    window,
)

# The checker reads the event's campus (walking minutes) from the database.
pytestmark = pytest.mark.django_db


def a_day():
    offices = [
        office(1, priority=Priority.MUST, building="hart"),
        office(2, building="russell"),
        office(3, chamber="lower", building="cannon"),
        office(4, chamber="lower", building="rayburn"),
        office(5, chamber="lower", building="longworth"),
        office(6, state="TN", building="dirksen", priority=Priority.MUST),
    ]
    people = [
        person(k, constituent_of={1, 2, 2 + (k % 3) + 1}, experienced=k % 4 != 0)
        for k in range(1, 13)
    ] + [person(k, state="TN", chapter=2, constituent_of={6}) for k in (13, 14, 15)]
    return problem(offices, people, team_max=4, max_meetings_per_person=3)


def changed_people(before, after, keys):
    old, new = itineraries(before), itineraries(after)
    return {k for k in keys if old.get(k, set()) != new.get(k, set())}


def test_a_replan_with_nothing_changed_changes_no_ones_day():
    day = a_day()
    first = solve(day, time_limit_seconds=3, workers=1)
    again = solve(
        dataclasses.replace(day, incumbents=incumbents_of(first)),
        time_limit_seconds=3,
        workers=1,
    )
    assert violations(day, again) == []
    assert changed_people(first, again, [p.key for p in day.participants]) == set()
    assert {m.meeting for m in again.meetings} == {1000 + n for n in range(len(first.meetings))}


def test_an_office_that_confirms_another_time_moves_only_its_own_team():
    day = a_day()
    first = solve(day, time_limit_seconds=3, workers=1)
    moved = next(m for m in first.meetings if m.office == 6)
    new_time = at(15, 0) if moved.starts_at != at(15, 0) else at(16, 0)
    offices = tuple(
        dataclasses.replace(o, fixed_start=new_time) if o.key == 6 else o for o in day.offices
    )
    changed = dataclasses.replace(day, offices=offices, incumbents=incumbents_of(first))
    second = solve(changed, time_limit_seconds=3, workers=1)
    assert violations(changed, second) == []
    assert next(m for m in second.meetings if m.office == 6).starts_at == new_time
    keys = [p.key for p in day.participants]
    assert changed_people(first, second, keys) <= set(moved.people)


def test_a_withdrawal_leaves_the_other_days_as_they_were():
    day = a_day()
    first = solve(day, time_limit_seconds=3, workers=1)
    leaving = 5
    changed = dataclasses.replace(
        day,
        participants=tuple(p for p in day.participants if p.key != leaving),
        incumbents=incumbents_of(first),
    )
    second = solve(changed, time_limit_seconds=3, workers=1)
    assert violations(changed, second) == []
    mates = {k for m in first.meetings if leaving in m.people for k in m.people} - {leaving}
    keys = [p.key for p in changed.participants]
    assert changed_people(first, second, keys) <= mates
    assert all(leaving not in m.people for m in second.meetings)


def test_a_new_registration_gets_a_meeting_without_moving_anyone():
    day = problem(
        [office(1), office(2, chamber="lower")],
        [person(k, constituent_of={1, 2}) for k in (1, 2, 3)],
        team_max=4,
        max_meetings_per_person=1,
    )
    first = solve(day, time_limit_seconds=3, workers=1)
    changed = dataclasses.replace(
        day,
        participants=(*day.participants, person(4, constituent_of={1, 2})),
        incumbents=incumbents_of(first),
    )
    second = solve(changed, time_limit_seconds=3, workers=1)
    assert changed_people(first, second, [1, 2, 3]) == set()
    assert 4 in itineraries(second)


def test_two_kept_meetings_one_person_cannot_both_attend_are_named():
    first, second = office(1, building="hart"), office(2, chamber="lower", building="cannon")
    day = problem(
        [first, second],
        [person(k, constituent_of={1, 2}) for k in (1, 2)],
        pins=[pin(10, first, at(10), {1}), pin(11, second, at(10, 30), {1, 2})],
    )
    plan = solve(day, time_limit_seconds=2, workers=1)
    assert plan.outcome == Outcome.INFEASIBLE
    assert plan.meetings == ()
    assert plan.conflicts == (
        "Person 1 cannot attend both the kept meeting with Office 1 at 10:00 AM and "
        "the kept meeting with Office 2 at 10:30 AM: the walk needs 20 minutes",
    )


def test_overlapping_kept_meetings_are_named():
    first, second = office(1), office(2)
    day = problem(
        [first, second],
        [person(1)],
        pins=[pin(10, first, at(10), {1}), pin(11, second, at(10, 10), {1})],
    )
    (conflict,) = solve(day, workers=1).conflicts
    assert conflict.endswith("they overlap")
    assert "Office 1 at 10:00 AM" in conflict and "Office 2 at 10:10 AM" in conflict


def test_a_participant_with_an_empty_window_is_a_conflict():
    day = problem([office(1)], [person(1, available=window(10, (10, 10)))])
    plan = solve(day, workers=1)
    assert plan.conflicts == (
        "Person 1 is available for less than one meeting (10:00 AM to 10:10 AM)",
    )


def test_the_same_seed_gives_the_same_plan():
    day = a_day()
    plans = [solve(day, time_limit_seconds=3, workers=1, seed=7) for _ in range(2)]
    assert plans[0].meetings == plans[1].meetings


def test_progress_is_reported_up_to_done():
    seen = []
    solve(a_day(), time_limit_seconds=3, workers=1, progress=lambda s, m: seen.append((s, m)))
    shares = [share for share, _ in seen]
    assert shares == sorted(shares)
    assert seen[0] == (0.0, "checking the inputs")
    assert seen[-1] == (1.0, "done")


def test_a_plan_found_in_parallel_passes_the_checker():
    day = a_day()
    plan = solve(day, time_limit_seconds=3)
    assert violations(day, plan) == []
    assert plan.outcome in (Outcome.OPTIMAL, Outcome.FEASIBLE)


def test_a_replan_out_of_time_keeps_every_accepted_meeting_as_it_was(monkeypatch):
    """Accepted meetings made by hand or by an earlier plan are not cancelled because the
    solver's clock ran out: the warm start keeps each one that still fits, as it was."""
    day = a_day()
    first = solve(day, time_limit_seconds=10, workers=1, seed=0)
    real_solve = cp_model.CpSolver.solve

    def out_of_time(self, model, callback=None):
        real_solve(self, model)
        return cp_model.UNKNOWN

    monkeypatch.setattr(cp_model.CpSolver, "solve", out_of_time)
    again = dataclasses.replace(day, incumbents=incumbents_of(first))

    second = solve(again, time_limit_seconds=5, workers=1, seed=0)

    assert second.outcome == Outcome.FEASIBLE
    assert 0 < second.gap <= 1
    assert not violations(again, second)
    kept = {(m.office, m.starts_at, frozenset(m.people)) for m in second.meetings}
    assert {(m.office, m.starts_at, frozenset(m.people)) for m in first.meetings} <= kept

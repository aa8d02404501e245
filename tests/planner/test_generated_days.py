"""Generated days (hypothesis): whatever the inputs, every plan passes the independent checker."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.problem import Outcome, Priority
from planner.solver import solve
from tests.planner.days import at, office, person, pin, problem, violations, window

# The checker reads the event's campus (walking minutes) from the database.
pytestmark = pytest.mark.django_db

BUILDINGS = ["hart", "russell", "dirksen", "cannon", "longworth", "rayburn", "capitol"]
STATES = ["MN", "TN", "CA"]


@st.composite
def days(draw):
    team_min = draw(st.integers(1, 3))
    team_max = draw(st.integers(team_min, 5))
    meeting_minutes = draw(st.sampled_from([15, 20, 30]))
    offices = []
    for key in range(1, draw(st.integers(1, 15)) + 1):
        extra = {}
        if draw(st.integers(0, 5)) == 0:
            extra["fixed_start"] = at(draw(st.integers(9, 15)), draw(st.sampled_from([0, 15, 20])))
        elif draw(st.integers(0, 4)) == 0:
            first = draw(st.integers(9, 15))
            extra["available"] = (window(first, draw(st.integers(first + 1, 17))),)
        offices.append(
            office(
                key,
                state=draw(st.sampled_from(STATES)),
                chamber=draw(st.sampled_from(["upper", "lower"])),
                priority=draw(st.sampled_from(list(Priority))),
                building=draw(st.sampled_from(BUILDINGS)),
                room=draw(st.sampled_from(["S-120", "H-230", "309", "2411"])),
                **extra,
            )
        )
    keys = [o.key for o in offices]
    people = []
    for key in range(1, draw(st.integers(1, 30)) + 1):
        arrive = draw(st.integers(9, 13))
        leave = draw(st.integers(arrive + 1, 17))
        people.append(
            person(
                key,
                state=draw(st.sampled_from(STATES)),
                chapter=draw(st.integers(1, 3)),
                experienced=draw(st.booleans()),
                constituent_of=draw(st.sets(st.sampled_from(keys), max_size=3)),
                knows=frozenset(draw(st.sets(st.sampled_from(keys), max_size=1))),
                available=window(arrive, leave),
            )
        )
    pins = []
    for number in range(draw(st.integers(0, 2))):
        pinned = draw(st.sampled_from(offices))
        who = draw(st.sets(st.sampled_from([p.key for p in people]), min_size=1, max_size=3))
        start = at(draw(st.integers(9, 16)), draw(st.sampled_from([0, 20, 40])))
        pins.append(pin(500 + number, pinned, start, who))
    blocked = ()
    if draw(st.booleans()):
        blocked = (window(12, (12, 45)),)
    return problem(
        offices,
        people,
        pins=pins,
        team_min=team_min,
        team_max=team_max,
        meeting_minutes=meeting_minutes,
        max_meetings_per_person=draw(st.integers(1, 5)),
        blocked=blocked,
    )


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(days())
def test_every_generated_plan_passes_the_checker(day):
    plan = solve(day, time_limit_seconds=1.0, workers=1, seed=0)
    if plan.conflicts:
        assert plan.outcome == Outcome.INFEASIBLE
        assert plan.meetings == ()
        return
    assert plan.outcome in (Outcome.OPTIMAL, Outcome.FEASIBLE)
    assert violations(day, plan) == []
    planned = {m.office for m in plan.meetings}
    pinned = {p.office for p in day.pins}
    assert set(plan.offices_left_out) == {o.key for o in day.offices} - planned - pinned
    people_in_meetings = {k for m in plan.meetings for k in m.people}
    assert set(plan.people_left_out) == {p.key for p in day.participants} - people_in_meetings
    assert all(reason for reason in plan.offices_left_out.values())
    assert 0.0 <= plan.gap <= 1.0


def test_generated_days_cover_long_meetings_too():
    # A direct example of the 30-minute case the strategy also draws.
    day = problem(
        [office(1), office(2, chamber="lower")],
        [person(k, constituent_of={1, 2}) for k in (1, 2)],
        meeting_minutes=30,
    )
    plan = solve(day, time_limit_seconds=2, workers=1)
    assert violations(day, plan) == []
    assert all(m.ends_at - m.starts_at == datetime.timedelta(minutes=30) for m in plan.meetings)

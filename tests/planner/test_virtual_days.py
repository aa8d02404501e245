"""Virtual and hybrid days: local working windows, spacing between calls, our video lines.

Every plan is read by the independent checker, and the two new hard rules are read a
third time here, from the plan alone, with zoneinfo and a sweep over the calls.
"""

import dataclasses
import datetime
import itertools
import zoneinfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.checker import Kind, check
from planner.problem import LocalWindow, Place, Plan, PlannedMeeting, Priority, Window
from planner.solver import solve
from tests.planner.days import EVENT, office, person, problem

pytestmark = pytest.mark.django_db

EASTERN = zoneinfo.ZoneInfo("America/New_York")
ZONES = {
    "HI": "Pacific/Honolulu",
    "AK": "America/Anchorage",
    "AZ": "America/Phoenix",
    "CA": "America/Los_Angeles",
    "NY": "America/New_York",
}
# The Friday before clocks went forward in 2027 (March 14) and the Monday after.
BEFORE_DST, AFTER_DST = datetime.date(2027, 3, 12), datetime.date(2027, 3, 15)
CALL = Place("", "", remote=True)


def eastern(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=EASTERN)


def from_home(key, state, day, *, starts=9, ends=17, **extra):
    local = LocalWindow(ZONES[state], day, datetime.time(starts), datetime.time(ends))
    own = local.in_day()
    office_hours = Window(eastern(day, 9), eastern(day, 20))
    available = Window(
        max(own.starts_at, office_hours.starts_at),
        max(max(own.starts_at, office_hours.starts_at), min(own.ends_at, office_hours.ends_at)),
    )
    return person(key, state=state, available=available, local_window=local, **extra)


def call_office(key, *, state="NY", our_line=True, **extra):
    return dataclasses.replace(office(key, state=state, **extra), place=CALL, our_line=our_line)


def virtual_day(day, offices, people, **rules):
    return problem(offices, people, day=Window(eastern(day, 9), eastern(day, 20)), **rules)


def outside_local_hours(day_problem, plan):
    """(person, office) of every call outside the person's hours, read on their own clock."""
    people = {p.key: p for p in day_problem.participants}
    found = []
    for meeting in plan.meetings:
        for key in meeting.people:
            local = people[key].local_window
            zone = zoneinfo.ZoneInfo(local.zone)
            start, end = meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
            if not (
                local.starts <= start.time()
                and end.time() <= local.ends
                and start.date() == local.date
            ):
                found.append((key, meeting.office))
    return found


def most_calls_at_once(day_problem, plan, rest_minutes):
    ours = {o.key for o in day_problem.offices if o.our_line}
    rest = datetime.timedelta(minutes=rest_minutes)
    calls = [m for m in plan.meetings if m.office in ours]
    return max(
        (sum(1 for o in calls if o.starts_at <= m.starts_at < o.ends_at + rest) for m in calls),
        default=0,
    )


@st.composite
def virtual_days(draw):
    day = draw(st.sampled_from([BEFORE_DST, AFTER_DST]))
    states = list(ZONES)
    offices = [
        call_office(
            key,
            state=draw(st.sampled_from(states)),
            our_line=draw(st.integers(0, 3)) > 0,
            priority=draw(st.sampled_from(list(Priority))),
        )
        for key in range(1, draw(st.integers(2, 12)) + 1)
    ]
    keys = [o.key for o in offices]
    people = [
        from_home(
            key,
            draw(st.sampled_from(states)),
            day,
            starts=draw(st.integers(8, 10)),
            ends=draw(st.integers(15, 18)),
            constituent_of=draw(st.sets(st.sampled_from(keys), max_size=3)),
        )
        for key in range(1, draw(st.integers(2, 24)) + 1)
    ]
    return virtual_day(
        day,
        offices,
        people,
        team_min=1,
        team_max=draw(st.integers(1, 4)),
        video_lines=draw(st.integers(0, 3)),
        line_rest_minutes=draw(st.sampled_from([0, 10, 15])),
    )


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(virtual_days())
def test_every_generated_virtual_plan_keeps_windows_spacing_and_lines(day):
    plan = solve(day, time_limit_seconds=1.0, workers=1, seed=0)

    assert [f"{v.kind}: {v.message}" for v in check(day, plan, EVENT)] == []
    assert outside_local_hours(day, plan) == []
    assert most_calls_at_once(day, plan, day.rules.line_rest_minutes) <= day.rules.video_lines


@pytest.mark.parametrize("date", [BEFORE_DST, AFTER_DST])
def test_participants_in_five_zones_meet_only_within_their_own_hours(date):
    offices = [call_office(key, state=state) for key, state in enumerate(ZONES, start=1)]
    people = [
        from_home(10 * n + k, state, date, constituent_of={n})
        for n, state in enumerate(ZONES, start=1)
        for k in range(2)
    ]
    day = virtual_day(date, offices, people, team_min=2, video_lines=5)

    plan = solve(day, time_limit_seconds=3, workers=1, seed=0)

    assert {m.office for m in plan.meetings} == {1, 2, 3, 4, 5}
    assert check(day, plan, EVENT) == []
    assert outside_local_hours(day, plan) == []
    hawaii = next(m for m in plan.meetings if m.office == 1)
    honolulu = hawaii.starts_at.astimezone(zoneinfo.ZoneInfo("Pacific/Honolulu"))
    # 9:00 in Honolulu is 14:00 in Washington before the change and 15:00 after it.
    assert hawaii.starts_at >= eastern(date, 14 if date == BEFORE_DST else 15)
    assert datetime.time(9) <= honolulu.time() <= datetime.time(16, 40)


def test_one_line_is_never_used_twice_at_once_and_rests_between_calls():
    offices = [call_office(key) for key in range(1, 7)]
    people = [from_home(k, "NY", AFTER_DST, constituent_of={k, k % 6 + 1}) for k in range(1, 7)]
    day = virtual_day(AFTER_DST, offices, people, team_min=1, video_lines=1, line_rest_minutes=10)

    plan = solve(day, time_limit_seconds=3, workers=1, seed=0)

    assert len(plan.meetings) == 6
    assert check(day, plan, EVENT) == []
    starts = sorted(m.starts_at for m in plan.meetings)
    assert all(b - a >= datetime.timedelta(minutes=30) for a, b in itertools.pairwise(starts))


def test_calls_beyond_the_lines_are_left_out_not_overbooked():
    # Six teams free only from 10:00 to 11:00; two lines resting 10 minutes hold four calls.
    offices = [call_office(key) for key in range(1, 7)]
    people = [
        from_home(k, "NY", AFTER_DST, starts=10, ends=11, constituent_of={k}) for k in range(1, 7)
    ]
    day = virtual_day(AFTER_DST, offices, people, team_min=1, video_lines=2, line_rest_minutes=10)

    plan = solve(day, time_limit_seconds=3, workers=1, seed=0)

    assert len(plan.meetings) == 4
    assert check(day, plan, EVENT) == []
    assert most_calls_at_once(day, plan, 10) == 2


def test_calls_on_the_offices_line_do_not_count():
    offices = [call_office(key, our_line=False) for key in range(1, 4)]
    people = [from_home(k, "NY", AFTER_DST, constituent_of={1, 2, 3}) for k in range(1, 4)]
    day = virtual_day(AFTER_DST, offices, people, team_min=1, team_max=1, video_lines=0)

    plan = solve(day, time_limit_seconds=3, workers=1, seed=0)

    assert len(plan.meetings) == 3
    assert check(day, plan, EVENT) == []


def test_a_persons_calls_keep_the_events_spacing():
    offices = [call_office(key) for key in range(1, 4)]
    people = [from_home(1, "NY", AFTER_DST, constituent_of={1, 2, 3})]
    day = virtual_day(AFTER_DST, offices, people, team_min=1, video_lines=3)

    plan = solve(day, time_limit_seconds=3, workers=1, seed=0)

    starts = sorted(m.starts_at for m in plan.meetings)
    assert len(starts) == 3
    # 20 minutes of call and the event's 15 minutes of spacing.
    assert all(b - a >= datetime.timedelta(minutes=35) for a, b in itertools.pairwise(starts))


# The checker itself: each new rule, broken on purpose, is named.


def planned(office_key, start, people, minutes=20):
    return PlannedMeeting(
        office=office_key,
        starts_at=start,
        ends_at=start + datetime.timedelta(minutes=minutes),
        people=tuple(people),
    )


def kinds(day, meetings):
    return sorted(v.kind for v in check(day, Plan("feasible", tuple(meetings), 0.0, 0.0), EVENT))


def test_checker_names_a_call_outside_the_persons_own_hours():
    day = virtual_day(
        AFTER_DST, [call_office(1)], [from_home(1, "HI", AFTER_DST)], team_min=1, video_lines=1
    )
    # 14:00 in Washington is 8:00 in Honolulu after the change: before her day starts.
    dawn = planned(1, eastern(AFTER_DST, 14), [1])
    assert Kind.LOCAL_WINDOW in kinds(day, [dawn])
    assert Kind.LOCAL_WINDOW not in kinds(day, [planned(1, eastern(AFTER_DST, 15), [1])])


def test_checker_names_too_many_calls_on_our_lines():
    offices = [call_office(1), call_office(2), call_office(3, our_line=False)]
    people = [from_home(k, "NY", AFTER_DST) for k in (1, 2, 3)]
    day = virtual_day(AFTER_DST, offices, people, team_min=1, video_lines=1, line_rest_minutes=10)
    ten = eastern(AFTER_DST, 10)

    assert kinds(day, [planned(1, ten, [1]), planned(2, ten, [2])]).count(Kind.LINE_CAPACITY) == 1
    # The line rests 10 minutes: a call at 10:25 is too soon, at 10:30 it is fine.
    too_soon = planned(2, ten + datetime.timedelta(minutes=25), [2])
    assert Kind.LINE_CAPACITY in kinds(day, [planned(1, ten, [1]), too_soon])
    rested = planned(2, ten + datetime.timedelta(minutes=30), [2])
    assert Kind.LINE_CAPACITY not in kinds(day, [planned(1, ten, [1]), rested])
    assert Kind.LINE_CAPACITY not in kinds(day, [planned(1, ten, [1]), planned(3, ten, [3])])


def test_checker_names_calls_too_close_for_one_person():
    day = virtual_day(
        AFTER_DST,
        [call_office(1), call_office(2)],
        [from_home(1, "NY", AFTER_DST)],
        team_min=1,
        video_lines=2,
    )
    ten = eastern(AFTER_DST, 10)

    assert kinds(
        day, [planned(1, ten, [1]), planned(2, ten + datetime.timedelta(minutes=30), [1])]
    ) == [Kind.SPACING]
    assert (
        kinds(day, [planned(1, ten, [1]), planned(2, ten + datetime.timedelta(minutes=35), [1])])
        == []
    )


@pytest.mark.parametrize(("from_the_hill", "kinds_found"), [(False, [Kind.WALK]), (True, [])])
def test_a_call_right_after_an_office_visit_needs_the_longest_walk_unless_on_the_hill(
    from_the_hill, kinds_found
):
    offices = [office(1), call_office(2)]
    people = [
        person(
            1,
            from_the_hill=from_the_hill,
            available=Window(eastern(AFTER_DST, 9), eastern(AFTER_DST, 20)),
        )
    ]
    day = virtual_day(AFTER_DST, offices, people, team_min=1, video_lines=1)
    ten = eastern(AFTER_DST, 10)
    # 10 minutes after the visit: more than a building's 5, less than the longest 20.
    visit_then_call = [planned(1, ten, [1]), planned(2, ten + datetime.timedelta(minutes=30), [1])]

    assert kinds(day, visit_then_call) == kinds_found


def test_a_hybrid_plan_leaves_the_longest_walk_before_a_call():
    offices = [office(1), call_office(2)]
    people = [
        person(
            k,
            constituent_of={1, 2},
            available=Window(eastern(AFTER_DST, 9), eastern(AFTER_DST, 11)),
        )
        for k in (1, 2)
    ]
    day = virtual_day(AFTER_DST, offices, people, team_min=2, video_lines=1)

    plan = solve(day, time_limit_seconds=3, workers=1, seed=0)

    assert len(plan.meetings) == 2
    assert check(day, plan, EVENT) == []
    first, second = sorted(plan.meetings, key=lambda m: m.starts_at)
    assert second.starts_at - first.ends_at >= datetime.timedelta(minutes=20)

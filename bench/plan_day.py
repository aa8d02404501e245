"""Benchmark: plan a national Day of Action for 900 people, then re-plan after changes.

Run from the repository root:  .venv/bin/python bench/plan_day.py [--participants N]
Builds its own database (BENCH_DATABASE_URL, default bench_plan_day on the local server),
imports the real Congress data and ZIP table with the app's importer, and makes a day:
participants over the association's 39 chapters (more in the big states), home ZIPs
sampled from the ZIP table, constituencies worked out by members.constituency (a
ZIP that spans districts is chosen by 70% of its people, as members do; the rest
visit only their senators), 20% first-timers, varied arrival and leaving times, the
Judiciary committees' members as 60 must offices, the participants' delegations as
should offices, 20-minute meetings on a 5-minute grid from 9:00 to 17:00 with a lunch
briefing kept free, and the event's walking rules between the offices' buildings.

It plans the day, checks the plan with the independent checker, then lets 10% of the
planned offices confirm another time and 5% of the participants withdraw, and
re-plans with the first plan as incumbents. "Directly affected" people are those
still registered who were in a meeting whose office moved or that lost a withdrawn
member; an itinerary "changed" when a person's set of (office, start) differs.
Then a virtual day (issue 15): 900 participants at home in four time zones (New York,
Illinois, Arizona, California), their delegations and the 60 Judiciary offices met by
video, 80% on our 40 lines (resting 10 minutes between calls) and the rest on the
offices' own, 15 minutes between a person's calls, each person's calls within
9:00-17:00 on their own clock, the offices open 9:00-18:00 in Washington. The
checker reads every local window and the lines.
Prints `name: value unit` lines.
"""

import argparse
import datetime
import random
import statistics
import sys
from collections import Counter, defaultdict

from benchlib import setup_django

# The association's chapters and the states each covers (big states have several).
CHAPTERS = [
    ("Alabama/Mississippi", ["AL", "MS"]),
    ("Arizona", ["AZ"]),
    ("Northern California", ["CA"]),
    ("Southern California", ["CA"]),
    ("San Diego", ["CA"]),
    ("Colorado/Wyoming", ["CO", "WY"]),
    ("Connecticut", ["CT"]),
    ("Carolinas", ["NC", "SC"]),
    ("Central Florida", ["FL"]),
    ("South Florida", ["FL"]),
    ("Georgia", ["GA"]),
    ("Hawaii", ["HI"]),
    ("Chicago", ["IL"]),
    ("Indiana/Wisconsin", ["IN", "WI"]),
    ("Iowa/Nebraska", ["IA", "NE"]),
    ("Kansas/Missouri", ["KS", "MO"]),
    ("Kentucky", ["KY"]),
    ("Louisiana/Arkansas", ["LA", "AR"]),
    ("New England", ["MA", "ME", "NH", "VT", "RI"]),
    ("Washington DC", ["DC", "MD", "VA"]),
    ("Michigan", ["MI"]),
    ("Minnesota/Dakotas", ["MN", "ND", "SD"]),
    ("New Jersey", ["NJ"]),
    ("New Mexico", ["NM"]),
    ("Nevada", ["NV"]),
    ("New York", ["NY"]),
    ("Upstate New York", ["NY"]),
    ("Ohio", ["OH"]),
    ("Oklahoma", ["OK"]),
    ("Oregon", ["OR"]),
    ("Philadelphia", ["PA", "DE"]),
    ("Pittsburgh", ["PA", "WV"]),
    ("Puerto Rico", ["PR"]),
    ("Tennessee", ["TN"]),
    ("Central Texas", ["TX"]),
    ("Houston", ["TX"]),
    ("North Texas", ["TX"]),
    ("Utah/Idaho/Montana", ["UT", "ID", "MT"]),
    ("Washington/Alaska", ["WA", "AK"]),
]
MUST_OFFICES = 60
SEED = 2026
VIRTUAL_STATES = {
    "NY": "America/New_York",
    "IL": "America/Chicago",
    "AZ": "America/Phoenix",
    "CA": "America/Los_Angeles",
}
VIDEO_LINES = 40
LINE_REST_MINUTES = 10
OUR_LINE_SHARE = 0.8


def import_congress():
    from django.conf import settings

    from lawmakers.importers.sources import folder_sources
    from lawmakers.services import lawmakers_import

    sources = folder_sources(settings.LAWMAKER_DATA_DIR)
    lawmakers_import(congress_source=sources["congress"], zcta_source=sources["zcta"])


def make_event(**overrides):
    from events.models import Event, EventStatus

    fields = {
        "name": "National Day of Action",
        "slug": "national-day-of-action",
        "date": datetime.date(2027, 4, 14),
        "status": EventStatus.PUBLISHED,
        "day_starts": datetime.time(9),
        "day_ends": datetime.time(17),
    }
    return Event.objects.create(**{**fields, **overrides})


def sample_profiles(count: int, rng: random.Random):
    """Unsaved profiles with real home ZIPs, spread over the states by House seats."""
    from lawmakers.models import Chamber, Lawmaker, Level, ZipDistrict
    from members.models import Profile

    zips = defaultdict(list)
    for zcta, state, district in ZipDistrict.objects.values_list("zcta", "state", "district"):
        zips[state].append((zcta, district))
    seats = Counter(
        Lawmaker.objects.serving()
        .filter(level=Level.FEDERAL, chamber=Chamber.LOWER)
        .values_list("state", flat=True)
    )
    chapters_of = defaultdict(list)
    for number, (_, states) in enumerate(CHAPTERS, start=1):
        for state in states:
            chapters_of[state].append(number)
    states = sorted(state for state in chapters_of if zips[state])
    weights = [seats[state] + 1 for state in states]
    profiles, chapters = [], {}
    for key in range(1, count + 1):
        state = rng.choices(states, weights)[0]
        zcta, _ = rng.choice(zips[state])
        profile = Profile(id=key, state=state, zip_code=zcta)
        districts = sorted({d for z, d in zips[state] if z == zcta})
        if len(districts) > 1 and rng.random() < 0.7:
            profile.congressional_district = rng.choice(districts)
        profiles.append(profile)
        chapters[key] = rng.choice(chapters_of[state])
    return profiles, chapters


def judiciary_members() -> list[int]:
    from lawmakers.models import CommitteeSeat, serving_q

    seats = CommitteeSeat.objects.filter(
        serving_q(through="lawmaker"), committee__code__in=("SSJU", "HSJU")
    ).order_by("-committee__code", "rank", "lawmaker_id")
    seen = []
    for lawmaker in seats.values_list("lawmaker_id", flat=True):
        if lawmaker not in seen:
            seen.append(lawmaker)
    return seen[:MUST_OFFICES]


def office_of(lawmaker, must: set[int], place, **extra):
    from lawmakers.models import Chamber
    from planner.problem import Office, Priority

    return Office(
        key=lawmaker.pk,
        label=f"{lawmaker.full_name} ({lawmaker.seat})",
        state=lawmaker.state,
        chamber=lawmaker.chamber,
        priority=Priority.MUST if lawmaker.pk in must else Priority.SHOULD,
        place=place,
        constituency=lawmaker.state if lawmaker.chamber == Chamber.UPPER else lawmaker.seat,
        **extra,
    )


def day_rules(event, **rules):
    """The association's rules: 20-minute meetings on a 5-minute grid, teams of 2 to 6, at
    most 5 meetings a person, the event's own walks."""
    from planner.problem import Rules
    from planner.walking import walking_minutes_for

    return Rules(
        meeting_minutes=20,
        team_min=2,
        team_max=6,
        max_meetings_per_person=5,
        walking_minutes=walking_minutes_for(event),
        grid_minutes=5,
        **rules,
    )


def build_problem(count: int, event, rng: random.Random):
    from lawmakers.models import Lawmaker
    from members.constituency import constituencies_for
    from planner.problem import Participant, Place, Problem, Window

    zone = event.zone

    def at(hour, minute=0):
        return datetime.datetime.combine(event.date, datetime.time(hour, minute), tzinfo=zone)

    profiles, chapters = sample_profiles(count, rng)
    constituencies = constituencies_for(profiles)
    must = set(judiciary_members())
    participants, wanted = [], set(must)
    for profile in profiles:
        constituency = constituencies[profile.pk]
        own = frozenset(lm.pk for lm in constituency.lawmakers)
        wanted |= own
        roll = rng.random()
        if roll < 0.15:
            window = Window(at(rng.choice([10, 11, 12]), rng.choice([0, 30])), at(17))
        elif roll < 0.30:
            window = Window(at(9), at(rng.choice([13, 14, 15, 16]), rng.choice([0, 30])))
        else:
            window = Window(at(9), at(17))
        participants.append(
            Participant(
                key=profile.pk,
                label=f"Participant {profile.pk}",
                chapter=chapters[profile.pk],
                state=profile.state,
                experienced=rng.random() >= 0.2,
                constituent_of=own,
                available=window,
            )
        )
    offices = [
        office_of(lawmaker, must, Place(lawmaker.office_building, lawmaker.office_room))
        for lawmaker in Lawmaker.objects.filter(pk__in=wanted).order_by("pk")
    ]
    rules = day_rules(event, day=Window(at(9), at(17)), blocked=(Window(at(12, 15), at(13)),))
    return Problem(rules=rules, offices=tuple(offices), participants=tuple(participants))


def make_virtual_event():
    from events.models import EventFormat

    return make_event(
        name="Virtual Day of Action",
        slug="virtual-day-of-action",
        date=datetime.date(2027, 4, 15),
        format=EventFormat.VIRTUAL,
        day_ends=datetime.time(18),
        remote_spacing_minutes=15,
        working_day_starts=datetime.time(9),
        working_day_ends=datetime.time(17),
    )


def build_virtual_problem(count: int, event, rng: random.Random):
    """Participants at home in four zones, their delegations met by video."""
    from lawmakers.models import Lawmaker, ZipDistrict
    from members.constituency import constituencies_for
    from members.models import Profile
    from planner.problem import (
        LocalWindow,
        Participant,
        Place,
        Problem,
        Window,
    )

    zips = defaultdict(list)
    for zcta, state in ZipDistrict.objects.filter(state__in=VIRTUAL_STATES).values_list(
        "zcta", "state"
    ):
        zips[state].append(zcta)
    states = sorted(VIRTUAL_STATES)
    profiles = []
    for key in range(1, count + 1):
        state = states[key % len(states)]
        profiles.append(Profile(id=key, state=state, zip_code=rng.choice(zips[state])))
    constituencies = constituencies_for(profiles)
    day = Window(event.starts_at, event.ends_at)
    # As on the in-person day: the Judiciary committees' members are musts for everyone.
    must = set(judiciary_members())
    participants, wanted = [], set(must)
    for profile in profiles:
        own = frozenset(lm.pk for lm in constituencies[profile.pk].lawmakers)
        wanted |= own
        local = LocalWindow(
            VIRTUAL_STATES[profile.state],
            event.date,
            event.working_day_starts,
            event.working_day_ends,
        )
        mine = local.in_day()
        starts = max(mine.starts_at, day.starts_at)
        participants.append(
            Participant(
                key=profile.pk,
                label=f"Participant {profile.pk}",
                chapter=states.index(profile.state) + 1,
                state=profile.state,
                experienced=rng.random() >= 0.2,
                constituent_of=own,
                available=Window(starts, max(starts, min(mine.ends_at, day.ends_at))),
                local_window=local,
            )
        )
    offices = [
        office_of(
            lawmaker, must, Place("", "", remote=True), our_line=rng.random() < OUR_LINE_SHARE
        )
        for lawmaker in Lawmaker.objects.filter(pk__in=wanted).order_by("pk")
    ]
    rules = day_rules(event, day=day, video_lines=VIDEO_LINES, line_rest_minutes=LINE_REST_MINUTES)
    return Problem(rules=rules, offices=tuple(offices), participants=tuple(participants))


def report_virtual_plan(problem, plan, event):
    from planner.checker import Kind, check

    violations = Counter(v.kind for v in check(problem, plan, event))
    ours = {o.key for o in problem.offices if o.our_line}
    loads = [len(itineraries(plan).get(p.key, ())) for p in problem.participants]
    print(f"virtual_plan_seconds: {plan.seconds:.2f} s")
    print(f"virtual_plan_outcome: {plan.outcome} -")
    print(f"virtual_offices_total: {len(problem.offices)} offices")
    print(f"virtual_meetings_planned: {len(plan.meetings)} meetings")
    on_ours = sum(m.office in ours for m in plan.meetings)
    print(f"virtual_meetings_on_our_lines: {on_ours} meetings")
    print(f"virtual_people_without_meeting: {loads.count(0)} people")
    print(f"line_capacity_violations: {violations[Kind.LINE_CAPACITY]} violations")
    print(f"local_window_violations: {violations[Kind.LOCAL_WINDOW]} violations")
    print(f"spacing_violations: {violations[Kind.SPACING]} violations")
    others = sum(violations.values()) - sum(
        violations[k] for k in (Kind.LINE_CAPACITY, Kind.LOCAL_WINDOW, Kind.SPACING)
    )
    print(f"virtual_other_violations: {others} violations")
    print(f"virtual_optimality_gap: {plan.gap:.4f} share")


def itineraries(plan):
    days = defaultdict(set)
    for meeting in plan.meetings:
        for person in meeting.people:
            days[person].add((meeting.office, meeting.starts_at))
    return days


def report_plan(problem, plan, event):
    from planner.checker import Kind, check
    from planner.problem import Priority

    violations = Counter(v.kind for v in check(problem, plan, event))
    planned = {m.office for m in plan.meetings}
    must = [o.key for o in problem.offices if o.priority == Priority.MUST]
    registered = set()
    for participant in problem.participants:
        registered |= participant.constituent_of
    people = {p.key: p for p in problem.participants}
    with_constituent = [m for m in plan.meetings if m.office in registered]
    constituent_present = [
        m for m in with_constituent if any(m.office in people[p].constituent_of for p in m.people)
    ]
    loads = [len(itineraries(plan).get(p.key, ())) for p in problem.participants]
    alone = {
        p
        for m in plan.meetings
        if not any(people[q].experienced for q in m.people)
        for p in m.people
    }
    print(f"plan_seconds: {plan.seconds:.2f} s")
    print(f"plan_outcome: {plan.outcome} -")
    print(f"offices_total: {len(problem.offices)} offices")
    print(f"offices_planned: {len(planned)} offices")
    print(f"must_offices_planned_share: {len(planned & set(must)) / len(must):.3f} share")
    share = len(constituent_present) / max(1, len(with_constituent))
    print(f"constituent_meeting_share: {share:.3f} share")
    print(f"meetings_per_person_min: {min(loads)} meetings")
    print(f"meetings_per_person_median: {statistics.median(loads):g} meetings")
    print(f"meetings_per_person_max: {max(loads)} meetings")
    print(f"people_without_meeting: {loads.count(0)} people")
    print(f"first_timers_without_experienced: {len(alone)} people")
    print(f"overlaps: {violations[Kind.OVERLAP]} violations")
    print(f"walking_violations: {violations[Kind.WALK]} violations")
    print(f"office_double_bookings: {violations[Kind.DOUBLE_BOOKING]} violations")
    print(f"availability_violations: {violations[Kind.AVAILABILITY]} violations")
    others = sum(violations.values()) - sum(
        violations[k] for k in (Kind.OVERLAP, Kind.WALK, Kind.DOUBLE_BOOKING, Kind.AVAILABILITY)
    )
    print(f"other_violations: {others} violations")
    print(f"optimality_gap: {plan.gap:.4f} share")


def changed_day(problem, first, rng: random.Random):
    """10% of planned offices confirm another time; 5% of participants withdraw."""
    import dataclasses

    from planner.problem import Incumbent

    grid_slots = []
    moment = problem.rules.day.starts_at
    latest = problem.rules.day.ends_at - datetime.timedelta(minutes=problem.rules.meeting_minutes)
    while moment <= latest:
        clear = all(
            not (moment < w.ends_at and w.starts_at < moment + datetime.timedelta(minutes=20))
            for w in problem.rules.blocked
        )
        if clear:
            grid_slots.append(moment)
        moment += datetime.timedelta(minutes=problem.rules.grid_minutes)
    planned = sorted({m.office: m for m in first.meetings}.items())
    moved = {
        office: rng.choice([t for t in grid_slots if t != meeting.starts_at])
        for office, meeting in rng.sample(planned, len(planned) // 10)
    }
    keys = [p.key for p in problem.participants]
    gone = set(rng.sample(keys, len(keys) // 20))
    offices = tuple(
        dataclasses.replace(o, fixed_start=moved[o.key]) if o.key in moved else o
        for o in problem.offices
    )
    participants = tuple(p for p in problem.participants if p.key not in gone)
    incumbents = tuple(
        Incumbent(meeting=n, office=m.office, starts_at=m.starts_at, people=frozenset(m.people))
        for n, m in enumerate(first.meetings, start=1)
    )
    affected = set()
    for meeting in first.meetings:
        if meeting.office in moved or set(meeting.people) & gone:
            affected |= set(meeting.people) - gone
    changed = dataclasses.replace(
        problem, offices=offices, participants=participants, incumbents=incumbents
    )
    return changed, affected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=900)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument(
        "--virtual-only", action="store_true", help="only the virtual day (issue 15)"
    )
    args = parser.parse_args()
    setup_django("bench_plan_day")
    from planner.solver import solve

    import_congress()
    virtual_event = make_virtual_event()
    virtual = build_virtual_problem(args.participants, virtual_event, random.Random(SEED))
    plan = solve(virtual, time_limit_seconds=args.time_limit, workers=args.workers, seed=SEED)
    report_virtual_plan(virtual, plan, virtual_event)
    if args.virtual_only:
        return
    event = make_event()
    rng = random.Random(SEED)
    problem = build_problem(args.participants, event, rng)
    first = solve(problem, time_limit_seconds=args.time_limit, workers=args.workers, seed=SEED)
    report_plan(problem, first, event)

    changed, affected = changed_day(problem, first, rng)
    second = solve(changed, time_limit_seconds=args.time_limit, workers=args.workers, seed=SEED)
    before, after = itineraries(first), itineraries(second)
    changed_people = [
        p.key for p in changed.participants if before.get(p.key, set()) != after.get(p.key, set())
    ]
    from planner.checker import check

    print(f"replan_seconds: {second.seconds:.2f} s")
    print(f"replan_outcome: {second.outcome} -")
    print(f"replan_optimality_gap: {second.gap:.4f} share")
    print(f"replan_violations: {len(check(changed, second, event))} violations")
    print(f"replan_changed_itineraries: {len(changed_people)} people")
    print(f"replan_directly_affected: {len(affected)} people")


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: accept a whole national plan, as staff do on the "Plan the day" page.

Run from the repository root:  .venv/bin/python bench/plan_accept.py [--scale N]
Builds its own database (BENCH_DATABASE_URL, default bench_plan_accept on the local
server), imports the real Congress data and ZIP table, and registers the demo's crowd
(39 chapters, real ZIP codes, one in five a first-timer, some arriving late or leaving
early) times `--scale` (3 by default: about 1,000 people). The Judiciary committees'
members are must offices. The planner solves the day in this process, then the whole
plan is accepted through the same path as the page's button: the acceptance is queued
and the planner's task carries it out (here in this process), creating meetings and
seats through the meetings services, with every notice and reminder queued in the
outbox (its dispatch goes to Redis; no worker sends it).

Prints `name: value unit` lines: how long accepting took, its queries, what it made,
and how many emails it queued per person.
"""

import argparse
import cProfile
import datetime
import pstats
import re
import statistics
import sys
import time
from collections import Counter

from benchlib import BENCH_ENV, setup_django

# The planner runs here, in this process; the outbox's dispatch only goes to Redis.
BENCH_ENV["CELERY_TASK_ALWAYS_EAGER"] = "false"
BENCH_ENV["CELERY_BROKER_URL"] = "redis://127.0.0.1:6379/5"


def make_day(scale: int):
    from django.contrib.auth.hashers import make_password

    from dayofaction.demo_participants import demo_chapters_create, demo_participants_create
    from events.models import Event, EventStatus
    from lawmakers.models import Committee
    from members.services import user_create
    from planner.models import PlanRules
    from planner.services import targets_add_from_committees

    event = Event.objects.create(
        name="National Day of Action",
        slug="national-day-of-action",
        date=datetime.date.today() + datetime.timedelta(days=120),
        status=EventStatus.PUBLISHED,
        day_starts=datetime.time(9),
        day_ends=datetime.time(17),
    )
    PlanRules.objects.create(
        event=event,
        team_min=2,
        team_max=6,
        max_meetings_per_person=5,
        lunch_starts=datetime.time(12, 15),
        lunch_ends=datetime.time(13),
    )
    staff = user_create(email="staff@example.org", password=None, first_name="Sam")
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    crowd = demo_participants_create(
        event=event,
        chapters=demo_chapters_create(),
        password_hash=make_password("bench"),
        scale=scale,
    )
    judiciary = list(Committee.objects.filter(code__in=("SSJU", "HSJU")))
    targets_add_from_committees(event=event, committees=judiciary, priority="must", by=staff)
    return event, staff, crowd


def plan(event, staff, time_limit: int):
    from planner import runs
    from planner.models import PlanRun

    run = PlanRun.objects.create(
        event=event, chapter=None, requested_by=staff, time_limit_seconds=time_limit
    )
    runs.run_execute(run_id=run.pk)
    run.refresh_from_db()
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=3)
    parser.add_argument("--time-limit", type=int, default=10)
    parser.add_argument("--profile", action="store_true", help="the accept's profile on stderr")
    parser.add_argument("--queries", action="store_true", help="time per statement on stderr")
    args = parser.parse_args()
    setup_django("bench_plan_accept")
    from django.db import connection
    from plan_day import import_congress

    from meetings.models import Meeting, Seat, SeatStatus
    from outbox.models import Email
    from planner.acceptances import acceptance_execute, acceptance_queue
    from planner.models import PlanAcceptance, ProposedMeeting

    import_congress()
    event, staff, crowd = make_day(args.scale)
    run = plan(event, staff, args.time_limit)
    print(f"participants: {len(crowd)} people")
    print(f"plan_outcome: {run.outcome} -")
    print(f"proposed_meetings: {ProposedMeeting.objects.filter(run=run).count()} meetings")

    emails_before = set(Email.objects.values_list("pk", flat=True))
    queries = 0
    by_statement = Counter()  # seconds per statement shape, for --queries

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        if not args.queries:
            return execute(sql, params, many, context)
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            shape = re.sub(r"SELECT .*? FROM", "SELECT … FROM", re.sub(r"\d+", "N", sql))
            by_statement[shape[:240]] += time.perf_counter() - began

    profiler = cProfile.Profile() if args.profile else None
    started = time.perf_counter()
    with connection.execute_wrapper(count):
        if profiler:
            profiler.enable()
        acceptance = acceptance_queue(run=run, by=staff)
        acceptance_execute(acceptance_id=acceptance.pk)
        if profiler:
            profiler.disable()
    seconds = time.perf_counter() - started
    accepted = PlanAcceptance.objects.get(pk=acceptance.pk)
    assert accepted.status == "done", accepted.error
    for statement, spent in by_statement.most_common(15):
        print(f"{spent:7.2f} s  {statement}", file=sys.stderr)
    if profiler:
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
    new_emails = Email.objects.exclude(pk__in=emails_before)
    per_person = Counter(new_emails.values_list("to", flat=True))
    at_once = Counter(
        new_emails.filter(send_after__lte=datetime.datetime.now(datetime.UTC)).values_list(
            "to", flat=True
        )
    )
    seats = Seat.objects.filter(meeting__event=event, status=SeatStatus.CONFIRMED).count()
    seated_people = len(set(Seat.objects.filter(meeting__event=event).values_list("user_id")))
    print(f"meetings_created: {accepted.created} meetings")
    print(f"meetings_total: {Meeting.objects.filter(event=event).count()} meetings")
    print(f"seats_confirmed: {seats} seats")
    print(f"people_seated: {seated_people} people")
    print(f"accept_seconds: {seconds:.2f} s")
    print(f"accept_queries: {queries} queries")
    print(f"accept_queries_per_seat: {queries / max(1, seats):.1f} queries")
    print(f"emails_queued: {new_emails.count()} emails")
    print(f"emails_at_once_per_person_max: {max(at_once.values(), default=0)} emails")
    print(f"emails_at_once_per_person_median: {statistics.median(at_once.values()):g} emails")
    print(f"emails_per_person_max: {max(per_person.values(), default=0)} emails")


if __name__ == "__main__":
    sys.exit(main())

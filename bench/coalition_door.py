"""Benchmark: the door of a coalition event, 300 arrivals in 20 minutes with 1,000 expected.

Run from the repository root:  .venv/bin/python bench/coalition_door.py
Builds its own database (bench_coalition_door): one event with 1,000 guests
on the list (100 of them press), then measures, in-process with production
settings, the check-in page (queries, median server time, page size), 300
check-ins and 20 walk-ins posted as the page's fetch() calls do (median and
95th-percentile server time, the rate one volunteer's requests could go at),
and the printable postcards of 300 writers. Prints `name: value unit` lines.
"""

import contextlib
import datetime
import os
import statistics
import time

from benchlib import setup_django

GUESTS = 1000
ARRIVALS = 300
WALK_INS = 20
POSTCARDS = 300
RUNS = int(os.environ.get("BENCH_RUNS", "30"))


def build():
    from django.utils import timezone

    from chapters.models import Chapter, ChapterState, Membership, Role
    from coalitions.models import CoalitionEvent, Guest, GuestKind, Postcard
    from lawmakers.models import Building, Chamber, Lawmaker, Level
    from members.models import User

    chapter = Chapter.objects.create(name="Minnesota/Dakotas", slug="mn-dakotas")
    ChapterState.objects.create(chapter=chapter, state="MN")
    volunteer = User.objects.create_user("door@example.org", "bench-password")
    Membership.objects.create(chapter=chapter, user=volunteer, role=Role.MEMBER)
    event = CoalitionEvent.objects.create(
        chapter=chapter,
        name="Community forum",
        starts_at=timezone.now() + datetime.timedelta(hours=1),
        venue="Central Library",
    )
    Guest.objects.bulk_create(
        Guest(
            event=event,
            kind=GuestKind.PRESS if n % 10 == 0 else GuestKind.PUBLIC,
            first_name=f"Guest{n}",
            last_name=f"Family{n % 97}",
            organisation=f"Organisation {n % 40}",
            email=f"guest{n}@example.org",
        )
        for n in range(GUESTS)
    )
    lawmakers = [
        Lawmaker.objects.create(
            public_id=f"B{n}",
            level=Level.FEDERAL,
            chamber=Chamber.UPPER if n < 2 else Chamber.LOWER,
            state="MN",
            district="" if n < 2 else str(n - 1),
            last_name=f"Lawmaker{n}",
            full_name=f"Pat Lawmaker{n}",
            office_building=Building.HART if n < 2 else Building.RAYBURN,
            office_room=str(300 + n),
        )
        for n in range(10)
    ]
    through = Postcard.lawmakers.through
    cards = Postcard.objects.bulk_create(
        Postcard(
            event=event,
            name=f"Writer {n}",
            street="1 Main St",
            city="Minneapolis",
            state="MN",
            zip_code="55401",
            message="Dear {{ lawmaker }},\n\nPlease fund counsel.\n\nWriter",
        )
        for n in range(POSTCARDS)
    )
    through.objects.bulk_create(
        through(postcard_id=card.pk, lawmaker_id=lawmaker.pk)
        for n, card in enumerate(cards)
        for lawmaker in (lawmakers[0], lawmakers[1], lawmakers[2 + n % 8])
    )
    return event, volunteer


@contextlib.contextmanager
def counting_queries():
    """The statements sent to the database inside the block (production settings log none)."""
    from django.db import connection

    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield statements


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - started) * 1000


def main():
    setup_django("bench_coalition_door")
    from django.test import Client
    from django.urls import reverse

    from coalitions.models import Guest, GuestKind
    from members.models import User

    event, volunteer = build()
    client = Client()
    client.force_login(volunteer)
    page_url = reverse("coalitions:check_in", args=[event.pk])

    with counting_queries() as queries:
        response = client.get(page_url)
    assert response.status_code == 200
    page_times = [timed(lambda: client.get(page_url))[1] for _ in range(RUNS)]

    ids = list(
        Guest.objects.filter(event=event)
        .exclude(kind=GuestKind.PRESS)
        .order_by("?")
        .values_list("pk", flat=True)[:ARRIVALS]
    )
    check_in_times = []
    for guest_id in ids:
        url = reverse("coalitions:check_in_guest", args=[event.pk, guest_id])
        response, ms = timed(lambda url=url: client.post(url, {"arrived": "1"}))
        assert response.status_code == 200, response.status_code
        check_in_times.append(ms)
    walk_in_url = reverse("coalitions:walk_in", args=[event.pk])
    walk_in_times = []
    for n in range(WALK_INS):
        response, ms = timed(
            lambda n=n: client.post(walk_in_url, {"first_name": f"Walk{n}", "last_name": "In"})
        )
        assert response.status_code == 201, response.content
        walk_in_times.append(ms)
    arrived = Guest.objects.filter(event=event, checked_in_at__isnull=False).count()
    assert arrived == ARRIVALS + WALK_INS, arrived

    staff_client = Client()
    staff_client.force_login(User.objects.create_user("staff@example.org", "x", is_staff=True))
    cards_url = reverse("coalitions:postcards", args=[event.pk])
    with counting_queries() as card_queries:
        cards = staff_client.get(cards_url)
    assert cards.status_code == 200
    card_times = [timed(lambda: staff_client.get(cards_url))[1] for _ in range(5)]

    def p95(values):
        return sorted(values)[int(len(values) * 0.95) - 1]

    median_check_in = statistics.median(check_in_times)
    print(f"check_in_page_queries_1000_guests: {len(queries)} queries")
    print(f"check_in_page_median_1000_guests: {statistics.median(page_times):.1f} ms")
    page_kib = len(client.get(page_url).content) / 1024
    print(f"check_in_page_size_1000_guests: {page_kib:.0f} KiB")
    print(f"check_in_post_median: {median_check_in:.1f} ms")
    print(f"check_in_post_p95: {p95(check_in_times):.1f} ms")
    print(f"walk_in_post_median: {statistics.median(walk_in_times):.1f} ms")
    print(f"check_ins_per_minute_server_capacity: {60_000 / median_check_in:.0f} per minute")
    print("check_ins_per_minute_needed: 15 per minute")
    print(f"postcards_print_queries_900_cards: {len(card_queries)} queries")
    print(f"postcards_print_median_900_cards: {statistics.median(card_times):.0f} ms")


if __name__ == "__main__":
    main()

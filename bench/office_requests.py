"""Benchmark: meeting requests to offices, as chapter leaders send them and offices answer.

Run from the repository root:  .venv/bin/python bench/office_requests.py
Builds its own database (BENCH_DATABASE_URL, default bench_office_requests on the local
server), migrated, with production settings: 40 chapters each asking 10 offices for a
meeting (400 requested meetings, bulk-built), each office with a scheduler's address and
each meeting with two of the chapter's members seated. Every chapter's leader then sends
the chapter's requests through the same service as the Requests page's button (the emails
are queued in the outbox; its dispatch goes to Redis, no worker sends them).

Prints `name: value unit` lines: how long queuing all 400 requests took, the Requests
page's queries and median server time, and the median server time of an office's answer
posted through its signed link.
"""

import datetime
import os
import statistics
import time

from benchlib import BENCH_ENV, setup_django

# Nothing is sent: the outbox's dispatch only goes to a Redis database of its own.
BENCH_ENV["CELERY_TASK_ALWAYS_EAGER"] = "false"
BENCH_ENV["CELERY_BROKER_URL"] = "redis://127.0.0.1:6379/6"

CHAPTERS = 40
OFFICES_PER_CHAPTER = 10
MEMBERS_PER_CHAPTER = 3
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
STATES = ["MN", "ND", "SD", "MA", "TN", "CA", "NY", "TX", "FL", "IL", "WA", "OH"]


def build():
    from django.utils import timezone

    from chapters.models import Chapter, ChapterState, Membership, Role
    from events.models import Event, EventStatus
    from lawmakers.models import Building, CapitolSide, Chamber, Lawmaker, Level
    from meetings.models import Meeting, MeetingStatus, Seat, SeatStatus
    from members.models import Profile, User
    from officerequests.models import ContactRole, OfficeContact

    date = timezone.localdate() + datetime.timedelta(days=45)
    event = Event.objects.create(
        name="National Day of Action", slug="national", date=date, status=EventStatus.PUBLISHED
    )
    chapters = Chapter.objects.bulk_create(
        Chapter(name=f"Chapter {n}", slug=f"chapter-{n}") for n in range(CHAPTERS)
    )
    ChapterState.objects.bulk_create(
        ChapterState(chapter=chapter, state=STATES[n % len(STATES)])
        for n, chapter in enumerate(chapters)
    )
    offices = CHAPTERS * OFFICES_PER_CHAPTER
    lawmakers = Lawmaker.objects.bulk_create(
        Lawmaker(
            public_id=f"R{n:06d}",
            level=Level.FEDERAL,
            chamber=Chamber.LOWER,
            state=STATES[(n // OFFICES_PER_CHAPTER) % len(STATES)],
            district=str(n % 20 + 1),
            first_name="Pat",
            last_name=f"Office{n}",
            full_name=f"Pat Office{n}",
            office_building=[Building.CANNON, Building.LONGWORTH, Building.RAYBURN][n % 3],
            office_room=str(100 + n),
            capitol_side=CapitolSide.HOUSE,
        )
        for n in range(offices)
    )
    OfficeContact.objects.bulk_create(
        OfficeContact(
            lawmaker=lawmaker,
            role=ContactRole.SCHEDULER,
            name=f"Scheduler {n}",
            email=f"scheduler{n}@house.example",
        )
        for n, lawmaker in enumerate(lawmakers)
    )
    people = CHAPTERS * (1 + MEMBERS_PER_CHAPTER)
    users = User.objects.bulk_create(
        User(email=f"advocate{n}@example.org", first_name="Advocate", last_name=f"N{n}")
        for n in range(people)
    )
    Profile.objects.bulk_create(Profile(user=user, city="Duluth") for user in users)
    per_chapter = 1 + MEMBERS_PER_CHAPTER
    Membership.objects.bulk_create(
        Membership(
            chapter=chapters[n // per_chapter],
            user=user,
            role=Role.LEADER if n % per_chapter == 0 else Role.MEMBER,
        )
        for n, user in enumerate(users)
    )
    day_start = datetime.datetime.combine(date, datetime.time(9), tzinfo=event.zone)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            event=event,
            chapter=chapters[n // OFFICES_PER_CHAPTER],
            lawmaker=lawmaker,
            starts_at=day_start + datetime.timedelta(minutes=40 * (n % OFFICES_PER_CHAPTER)),
            ends_at=day_start + datetime.timedelta(minutes=40 * (n % OFFICES_PER_CHAPTER) + 30),
            building=lawmaker.office_building,
            room=lawmaker.office_room,
            status=MeetingStatus.REQUESTED,
            seats=4,
            seats_taken=2,
        )
        for n, lawmaker in enumerate(lawmakers)
    )
    seats = []
    for n, meeting in enumerate(meetings):
        chapter = n // OFFICES_PER_CHAPTER
        members = users[chapter * per_chapter + 1 : (chapter + 1) * per_chapter]
        for k in range(2):
            seats.append(
                Seat(
                    meeting=meeting,
                    user=members[(n + k) % MEMBERS_PER_CHAPTER],
                    status=SeatStatus.CONFIRMED,
                )
            )
    Seat.objects.bulk_create(seats)
    leaders = {chapter.pk: users[n * per_chapter] for n, chapter in enumerate(chapters)}
    return event, chapters, leaders, meetings


def queue_all(event, chapters, leaders) -> float:
    from officerequests import selectors, sending

    started = time.perf_counter()
    for chapter in chapters:
        offices = selectors.offices_of(selectors.request_meetings(event=event, chapter=chapter))
        outcome = sending.requests_send(offices=offices, by=leaders[chapter.pk])
        assert len(outcome["sent"]) == OFFICES_PER_CHAPTER, outcome
    return time.perf_counter() - started


def measure_page(client, url):
    from django.db import connection

    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return len(queries), statistics.median(timings)


def measure_replies(client, meetings):
    """One answer per office, each from its own address (the links' rate limit counts them)."""
    from officerequests.links import reply_token

    answers = ["accept", "video", "staff", "decline"]
    timings = []
    for n, meeting in enumerate(meetings[: RUNS * 2]):
        token = reply_token(meeting_id=meeting.pk, lawmaker_id=meeting.lawmaker_id)
        data = {"answer": answers[n % len(answers)], "staff_name": "Jordan Pike"}
        started = time.perf_counter()
        response = client.post(
            f"/office-requests/reply/{token}/", data, REMOTE_ADDR=f"10.1.{n // 250}.{n % 250}"
        )
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 302:
            raise SystemExit(f"an answer was refused ({response.status_code})")
    return statistics.median(timings)


def main():
    setup_django("bench_office_requests")
    from django.test import Client
    from django.urls import reverse

    from dayofaction.celery import app
    from outbox.models import Email

    event, chapters, leaders, meetings = build()
    print(f"requested_meetings: {len(meetings)} meetings")
    print(f"chapters: {len(chapters)} chapters")
    seconds = queue_all(event, chapters, leaders)
    print(f"requests_queue_seconds: {seconds:.2f} s")
    print(
        "requests_emails_queued: "
        f"{Email.objects.filter(kind='officerequests.request').count()} emails"
    )
    leader_client = Client()
    leader_client.force_login(leaders[chapters[0].pk])
    count, median = measure_page(
        leader_client, reverse("officerequests:requests", args=[event.slug, chapters[0].slug])
    )
    print(f"requests_page_queries: {count} queries")
    print(f"requests_page_median_ms: {median:.1f} ms")
    print(f"reply_post_median_ms: {measure_replies(Client(), meetings):.1f} ms")
    app.control.purge()


if __name__ == "__main__":
    main()

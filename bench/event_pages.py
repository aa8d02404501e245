"""Benchmark: the pages of a Day of Action at national scale.

Run from the repository root:  .venv/bin/python bench/event_pages.py
Builds its own database (bench_event_pages): 540 offices, 400 meetings over
eight chapters, 500 registered participants with 3 to 5 seats each, then
measures the schedule board of the busiest chapter, one participant's
itinerary and the event page, in-process, with production settings. Prints
`name: value unit` lines: query counts and median server time of each page.
"""

import datetime
import os
import random
import statistics
import time

from benchlib import setup_django

OFFICES = 540
MEETINGS = 400
PARTICIPANTS = 500
CHAPTERS = 8
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
STATES = ["MN", "ND", "SD", "MA", "TN", "CA", "NY", "TX", "FL", "IL", "WA", "OH"]


def build():
    from django.utils import timezone

    from chapters.models import Chapter, ChapterState, Membership, Role
    from events.models import Event, EventStatus, Registration
    from lawmakers.models import Building, CapitolSide, Chamber, Lawmaker, Level
    from meetings.models import Meeting, MeetingStatus, Seat, SeatStatus
    from members.models import Profile, User

    rng = random.Random(2027)
    date = timezone.localdate() + datetime.timedelta(days=45)
    event = Event.objects.create(
        name="National Day of Action", slug="national", date=date, status=EventStatus.PUBLISHED
    )
    chapters = [
        Chapter.objects.create(name=f"Chapter {n}", slug=f"chapter-{n}") for n in range(CHAPTERS)
    ]
    ChapterState.objects.bulk_create(
        ChapterState(chapter=chapter, state=STATES[n % len(STATES)])
        for n, chapter in enumerate(chapters)
    )
    senate = [Building.RUSSELL, Building.DIRKSEN, Building.HART]
    house = [Building.CANNON, Building.LONGWORTH, Building.RAYBURN]
    lawmakers = Lawmaker.objects.bulk_create(
        Lawmaker(
            public_id=f"B{n:06d}",
            level=Level.FEDERAL,
            chamber=Chamber.UPPER if n < 100 else Chamber.LOWER,
            state=STATES[n % len(STATES)],
            district="" if n < 100 else str(n % 20 + 1),
            last_name=f"Office{n}",
            full_name=f"Lawmaker Office{n}",
            party="Democrat" if n % 2 else "Republican",
            office_building=(senate if n < 100 else house)[n % 3],
            office_room=str(100 + n),
            capitol_side=CapitolSide.SENATE if n < 100 else CapitolSide.HOUSE,
        )
        for n in range(OFFICES)
    )
    users = User.objects.bulk_create(
        User(email=f"advocate{n}@example.org", first_name="Advocate", last_name=str(n))
        for n in range(PARTICIPANTS)
    )
    Profile.objects.bulk_create(
        Profile(user=user, state=STATES[n % len(STATES)], zip_code="55401")
        for n, user in enumerate(users)
    )
    Membership.objects.bulk_create(
        Membership(
            chapter=chapters[n % CHAPTERS],
            user=user,
            role=Role.CHAIR if n < CHAPTERS else Role.MEMBER,
        )
        for n, user in enumerate(users)
    )
    Registration.objects.bulk_create(Registration(event=event, user=user) for user in users)

    # Chapter 0 is the busiest: a quarter of the meetings; the rest share the others.
    day_start = datetime.datetime.combine(date, datetime.time(9), tzinfo=event.zone)
    meetings = []
    for n in range(MEETINGS):
        chapter = chapters[0] if n % 4 == 0 else chapters[1 + n % (CHAPTERS - 1)]
        starts = day_start + datetime.timedelta(minutes=30 * (n % 16))
        lawmaker = lawmakers[n]
        meetings.append(
            Meeting(
                event=event,
                chapter=chapter,
                lawmaker=lawmaker,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(minutes=20),
                building=lawmaker.office_building,
                room=lawmaker.office_room,
                status=MeetingStatus.SCHEDULED,
                seats=6,
                lead=users[(n * 7) % PARTICIPANTS],
            )
        )
    meetings = Meeting.objects.bulk_create(meetings)
    # Each participant takes 3 to 5 seats at distinct times; full meetings waitlist.
    by_slot = {}
    for meeting in meetings:
        by_slot.setdefault(meeting.starts_at, []).append(meeting)
    slots = sorted(by_slot)
    seats, taken = [], {meeting.pk: 0 for meeting in meetings}
    for user in users:
        for slot in rng.sample(slots, rng.randint(3, 5)):
            meeting = rng.choice(by_slot[slot])
            confirmed = taken[meeting.pk] < meeting.seats
            taken[meeting.pk] += confirmed
            seats.append(
                Seat(
                    meeting=meeting,
                    user=user,
                    status=SeatStatus.CONFIRMED if confirmed else SeatStatus.WAITLISTED,
                )
            )
    Seat.objects.bulk_create(seats)
    for meeting in meetings:
        meeting.seats_taken = taken[meeting.pk] if taken[meeting.pk] < 6 else 6
    Meeting.objects.bulk_update(meetings, ["seats_taken"])
    leader = Membership.objects.get(chapter=chapters[0], role=Role.CHAIR).user
    participant = max(users, key=lambda user: sum(1 for seat in seats if seat.user_id == user.pk))
    return event, chapters[0], leader, participant


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    count = len(queries)
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return count, statistics.median(timings)


def main():
    setup_django("bench_event_pages")
    from django.test import Client
    from django.urls import reverse

    event, chapter, leader, participant = build()
    leader_client, participant_client = Client(), Client()
    leader_client.force_login(leader)
    participant_client.force_login(participant)
    pages = {
        "board": (leader_client, reverse("meetings:board", args=[event.slug, chapter.slug])),
        "itinerary": (participant_client, reverse("meetings:itinerary", args=[event.slug])),
        "event": (leader_client, reverse("events:detail", args=[event.slug])),
    }
    print(f"offices: {OFFICES} offices")
    print(f"meetings: {MEETINGS} meetings")
    print(f"participants: {PARTICIPANTS} people")
    print(f"board_meetings: {chapter.meetings.count()} meetings")
    for name, (client, url) in pages.items():
        count, median = measure(client, url)
        print(f"{name}_queries: {count} queries")
        print(f"{name}_median_ms: {median:.1f} ms")


if __name__ == "__main__":
    main()

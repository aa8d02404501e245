"""Benchmark: briefings and packets at national scale.

Run from the repository root:  .venv/bin/python bench/briefings.py
Builds its own database (bench_briefings): 540 offices with 12 committee seats
each, 12 asks (half aimed at committees), 400 meetings of 5 people, an
earlier year's 400 meetings with filed reports and positions; then measures,
in-process with production settings, one meeting's briefing, a participant's
packet of 5 meetings, and the targeting of every meeting of the day. Prints
`name: value unit` lines.
"""

import datetime
import os
import random
import time

from benchlib import measure_page, setup_django

OFFICES = 540
COMMITTEES = 40
SEATS_PER_OFFICE = 12
ASKS = 12
MEETINGS = 400
RUNS = int(os.environ.get("BENCH_RUNS", "30"))


def build():
    from django.utils import timezone

    from chapters.models import Chapter
    from events.models import Event, EventStatus
    from lawmakers.models import Chamber, Committee, CommitteeSeat, Lawmaker, Level
    from meetings.models import Meeting, MeetingStatus, Seat, SeatStatus
    from members.models import User
    from reports.models import AskPosition, MeetingReport, Position, ReportStatus
    from talkingpoints.models import Ask, AskRevision, MeetingNote

    rng = random.Random(2027)
    today = timezone.localdate()
    events = [
        Event.objects.create(name=name, slug=slug, date=date, status=EventStatus.PUBLISHED)
        for name, slug, date in (
            ("Last year", "last-year", today - datetime.timedelta(days=320)),
            ("National Day of Action", "national", today + datetime.timedelta(days=45)),
        )
    ]
    chapter = Chapter.objects.create(name="Chapter", slug="chapter")
    committees = Committee.objects.bulk_create(
        Committee(code=f"C{n:03d}", name=f"Committee {n}", kind="senate" if n % 2 else "house")
        for n in range(COMMITTEES)
    )
    lawmakers = Lawmaker.objects.bulk_create(
        Lawmaker(
            public_id=f"B{n:06d}",
            level=Level.FEDERAL,
            chamber=Chamber.UPPER if n < 100 else Chamber.LOWER,
            state="MN",
            district="" if n < 100 else str(n % 8 + 1),
            last_name=f"Office{n}",
            full_name=f"Lawmaker Office{n}",
            party="Democrat" if n % 2 else "Republican",
            office_raw=f"{300 + n} Hart Senate Office Building",
        )
        for n in range(OFFICES)
    )
    CommitteeSeat.objects.bulk_create(
        CommitteeSeat(committee=committee, lawmaker=lawmaker, rank=rank)
        for lawmaker in lawmakers
        for rank, committee in enumerate(rng.sample(committees, SEATS_PER_OFFICE))
    )
    people = User.objects.bulk_create(
        User(email=f"person{n}@example.org", first_name="P", last_name=str(n))
        for n in range(MEETINGS * 5 // 4)
    )
    asks = {}
    for event in events:
        asks[event.pk] = []
        for n in range(ASKS):
            ask = Ask.objects.create(
                event=event,
                title=f"Ask {n}",
                summary="Co-sponsor the bill.",
                talking_points="- **Backlogs** keep families apart.\n" * 6,
                background="Why it matters. " * 20,
                priority=n,
            )
            AskRevision.objects.create(ask=ask, version=1, title=ask.title, summary=ask.summary)
            if n % 2:
                ask.target_committees.set(rng.sample(committees, 4))
            asks[event.pk].append(ask)
    for event in events:
        start = datetime.datetime.combine(event.date, datetime.time(9), tzinfo=event.zone)
        meetings = Meeting.objects.bulk_create(
            Meeting(
                event=event,
                chapter=chapter,
                lawmaker=lawmakers[n % OFFICES],
                starts_at=start + datetime.timedelta(minutes=20 * (n % 5) * 5),
                ends_at=start + datetime.timedelta(minutes=20 * (n % 5) * 5 + 20),
                status=MeetingStatus.HELD
                if event.slug == "last-year"
                else MeetingStatus.SCHEDULED,
                seats=5,
                seats_taken=5,
            )
            for n in range(MEETINGS)
        )
        Seat.objects.bulk_create(
            Seat(
                meeting=meeting,
                user=people[(n * 5 + k) % len(people)] if n % 80 else people[k],
                status=SeatStatus.CONFIRMED,
            )
            for n, meeting in enumerate(meetings)
            for k in range(5)
        )
        MeetingNote.objects.bulk_create(
            MeetingNote(meeting=meeting, ask=asks[event.pk][0], body="A local story.")
            for meeting in meetings
        )
        if event.slug == "last-year":
            for meeting in meetings:
                report = MeetingReport.objects.create(
                    meeting=meeting, status=ReportStatus.FILED, filed_at=timezone.now()
                )
                AskPosition.objects.bulk_create(
                    AskPosition(report=report, ask=ask, position=Position.UNDECIDED)
                    for ask in asks[event.pk][:3]
                )
    return events[1], people[0]


def measure(client, url):
    return measure_page(client, url, runs=RUNS)


def main():
    setup_django("bench_briefings")
    from django.test import Client
    from django.urls import reverse

    from meetings.models import Meeting
    from talkingpoints.selectors import asks_for_meetings

    event, person = build()
    client = Client()
    client.force_login(person)
    meeting = Meeting.objects.filter(event=event, seat_set__user=person).first()
    stops = Meeting.objects.filter(event=event, seat_set__user=person).count()

    queries, ms = measure(client, reverse("talkingpoints:briefing", args=[meeting.pk]))
    print(f"briefing_queries: {queries} queries")
    print(f"briefing_median: {ms:.1f} ms")
    queries, ms = measure(client, reverse("talkingpoints:packet", args=[event.slug]))
    print(f"packet_meetings: {stops} meetings")
    print(f"packet_queries: {queries} queries")
    print(f"packet_median: {ms:.1f} ms")
    everything = list(Meeting.objects.filter(event=event).select_related("lawmaker"))
    started = time.perf_counter()
    applied = asks_for_meetings(everything)
    elapsed = (time.perf_counter() - started) * 1000
    print(f"targeting_all_meetings: {elapsed:.1f} ms")
    print(f"targeting_pairs: {sum(len(v) for v in applied.values())} asks")


if __name__ == "__main__":
    main()

"""Benchmark: many concurrent sign-ups for one meeting, over HTTP, against gunicorn.

Run from the repository root:  .venv/bin/python bench/signup_load.py
Builds its own database (bench_signup_load), starts gunicorn on a free local
port, logs every member in by session cookie, then fires their sign-ups at
once from many client threads. Prints `name: value unit` lines: no seat may be
oversold, and the target is at least 50 sign-ups per second.
"""

import http.client
import os
import queue
import re
import tempfile
import threading
import time
from pathlib import Path

import redis
from benchlib import logged_in_sessions, setup_django

from tests.e2e import web_nodes

MEMBERS = int(os.environ.get("BENCH_MEMBERS", "400"))
SEATS = int(os.environ.get("BENCH_SEATS", "40"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", "3"))
BROKER_URL = "redis://127.0.0.1:6379/5"


def build_event():
    import datetime

    from django.utils import timezone

    from chapters.models import Chapter, ChapterState, Membership
    from events.models import Event, EventStatus, Registration
    from lawmakers.models import Building, Chamber, Lawmaker, Level
    from meetings.models import Meeting
    from members.models import Profile, User

    date = timezone.localdate() + datetime.timedelta(days=30)
    event = Event.objects.create(
        name="Load test day", slug="load-test-day", date=date, status=EventStatus.PUBLISHED
    )
    chapter = Chapter.objects.create(name="Load chapter", slug="load-chapter")
    ChapterState.objects.create(chapter=chapter, state="MN")
    lawmaker = Lawmaker.objects.create(
        public_id="L000001",
        level=Level.FEDERAL,
        chamber=Chamber.UPPER,
        state="MN",
        last_name="Loadtest",
        full_name="Sam Loadtest",
        office_building=Building.HART,
        office_room="309",
    )
    starts = datetime.datetime.combine(date, datetime.time(10), tzinfo=event.zone)
    meeting = Meeting.objects.create(
        event=event,
        chapter=chapter,
        lawmaker=lawmaker,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=20),
        building=Building.HART,
        room="309",
        seats=SEATS,
    )
    users = User.objects.bulk_create(
        User(email=f"member{n}@example.org", first_name="Member", last_name=str(n))
        for n in range(MEMBERS)
    )
    for user in users:
        user.set_unusable_password()
    User.objects.bulk_update(users, ["password"])
    Profile.objects.bulk_create(Profile(user=user, state="MN") for user in users)
    Membership.objects.bulk_create(Membership(chapter=chapter, user=user) for user in users)
    Registration.objects.bulk_create(Registration(event=event, user=user) for user in users)
    return event, meeting, logged_in_sessions(users)


def csrf_token_for(port: int, event_slug: str, session_key: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(
        "GET", f"/events/{event_slug}/meetings/", headers={"Cookie": f"sessionid={session_key}"}
    )
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie") or ""
    match = re.search(r"csrftoken=([A-Za-z0-9]+)", cookie)
    if response.status != 200 or not match:
        raise RuntimeError(f"could not open the sign-up page: HTTP {response.status}")
    return match.group(1)


def main() -> None:
    # As in production: the web process queues tasks on Redis (a database of the
    # benchmark's own) and returns; no worker drains them during the measurement.
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
    os.environ["CELERY_BROKER_URL"] = BROKER_URL
    redis.Redis.from_url(BROKER_URL).flushdb()
    setup_django("bench_signup_load")
    event, meeting, sessions = build_event()
    server = web_nodes.start_gunicorn(
        env=os.environ.copy(),
        log_path=Path(tempfile.mkdtemp(prefix="bench-signup-load-")) / "gunicorn.log",
        workers=WORKERS,
    )
    port = server.port
    try:
        tokens = [csrf_token_for(port, event.slug, key) for key in sessions]
        work = queue.SimpleQueue()
        for pair in zip(sessions, tokens, strict=True):
            work.put(pair)
        errors = []
        start = threading.Barrier(CLIENTS + 1)

        def client():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            start.wait()
            while True:
                try:
                    session_key, token = work.get_nowait()
                except queue.Empty:
                    return
                try:
                    connection.request(
                        "POST",
                        f"/meetings/{meeting.pk}/seat/",
                        body=f"csrfmiddlewaretoken={token}",
                        headers={
                            "Cookie": f"sessionid={session_key}; csrftoken={token}",
                            "Content-Type": "application/x-www-form-urlencoded",
                        },
                    )
                    response = connection.getresponse()
                    response.read()
                    if response.status != 302:
                        errors.append(f"HTTP {response.status}")
                except OSError as error:
                    errors.append(repr(error))
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

        threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        start.wait()
        started = time.perf_counter()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
    finally:
        web_nodes.stop(server.process)

    from meetings.models import Meeting, Seat, SeatStatus

    seats = Seat.objects.filter(meeting=meeting)
    confirmed = seats.filter(status=SeatStatus.CONFIRMED).count()
    waitlisted = seats.filter(status=SeatStatus.WAITLISTED).count()
    meeting = Meeting.objects.get(pk=meeting.pk)
    print(f"signups: {len(sessions)} requests")
    print(f"clients: {CLIENTS} threads")
    print(f"signups_per_second: {len(sessions) / seconds:.1f} /s")
    print(f"errors: {len(errors)} requests")
    print(f"seats: {meeting.seats} seats")
    print(f"confirmed: {confirmed} seats")
    print(f"waitlisted: {waitlisted} people")
    print(f"oversold: {max(confirmed - meeting.seats, 0)} seats")
    redis.Redis.from_url(BROKER_URL).flushdb()


if __name__ == "__main__":
    main()

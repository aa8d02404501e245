"""Benchmark: trainings, the chapter checklist, mentor suggestions, find your chapter.

Run from the repository root:  .venv/bin/python bench/trainings.py
Builds its own database (bench_trainings): a chapter of 500 registered members
(a third first-timers), a required training of 300 places with 400 sign-ups (100
waiting); then measures, in-process with production settings, giving up a place
(the waitlist moves up), the leader's checklist of 500 rows, suggesting mentors for
the chapter, and the public find-your-chapter page. Prints `name: value unit` lines.
"""

import datetime
import os
import statistics
import time

from benchlib import measure_page, setup_django

PEOPLE = 500
PLACES = 300
SIGNUPS = 400
RUNS = int(os.environ.get("BENCH_RUNS", "20"))


def build():
    from django.utils import timezone

    from chapters.models import Chapter, ChapterState, Membership, Role
    from events.models import Event, EventStatus, Registration
    from lawmakers.models import ZipDistrict
    from members.models import Profile, User
    from trainings.models import Session

    event = Event.objects.create(
        name="National Day of Action",
        slug="national",
        date=timezone.localdate() + datetime.timedelta(days=45),
        status=EventStatus.PUBLISHED,
    )
    chapter = Chapter.objects.create(name="Minnesota", slug="minnesota")
    ChapterState.objects.create(chapter=chapter, state="MN")
    ZipDistrict.objects.create(zcta="55401", state="MN", district=5)
    people = User.objects.bulk_create(
        User(email=f"person{n}@example.org", first_name="P", last_name=str(n))
        for n in range(PEOPLE)
    )
    Profile.objects.bulk_create(
        Profile(user=p, state="MN", zip_code="55401", first_time_advocate=n % 3 == 0)
        for n, p in enumerate(people)
    )
    Membership.objects.bulk_create(
        Membership(chapter=chapter, user=p, role=Role.CHAIR if n == 0 else Role.MEMBER)
        for n, p in enumerate(people)
    )
    Registration.objects.bulk_create(Registration(event=event, user=p) for p in people)
    starts = timezone.now() + datetime.timedelta(days=10)
    session = Session.objects.create(
        title="Lobby day training",
        kind="training",
        mode="online",
        join_url="https://zoom.us/j/1",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        capacity=PLACES,
    )
    session.counts_for.set([event])
    return event, chapter, session, people


def measure(client, url):
    return measure_page(client, url, runs=RUNS)


def main():
    setup_django("bench_trainings")
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    from trainings import services
    from trainings.models import Mentorship, Signup

    # The worker runs eagerly here: keep the outbox's mail in memory, not on the console.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    event, chapter, session, people = build()

    started = time.perf_counter()
    for person in people[:SIGNUPS]:
        services.signup_take(session=session, user=person)
    per_signup = (time.perf_counter() - started) * 1000 / SIGNUPS
    print(f"signup_mean_with_emails: {per_signup:.1f} ms")

    cancels = []
    for signup in Signup.objects.filter(session=session, status="confirmed")[:RUNS]:
        started = time.perf_counter()
        promoted = services.signup_cancel(signup=signup)
        cancels.append((time.perf_counter() - started) * 1000)
        assert len(promoted) == 1
    print(f"give_up_place_with_promotion_median: {statistics.median(cancels):.1f} ms")

    client = Client()
    client.force_login(people[0])
    queries, ms = measure(client, reverse("trainings:checklist", args=[event.slug]))
    print(f"checklist_rows: {PEOPLE} people")
    print(f"checklist_queries: {queries} queries")
    print(f"checklist_median: {ms:.1f} ms")

    started = time.perf_counter()
    made = services.mentorships_suggest(event=event, chapter=chapter)
    print(f"mentor_suggestions_{PEOPLE}_members: {(time.perf_counter() - started) * 1000:.1f} ms")
    print(f"mentor_pairs: {len(made)} pairs")
    assert Mentorship.objects.count() == len(made)

    anonymous = Client()
    cache.clear()
    queries, ms = measure(anonymous, reverse("joining:find") + "?zip=55401")
    print(f"find_your_chapter_queries: {queries} queries")
    print(f"find_your_chapter_median: {ms:.1f} ms")
    cache.clear()


if __name__ == "__main__":
    main()

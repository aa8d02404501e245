"""Benchmark: the public awareness kit at national scale.

Run from the repository root:  .venv/bin/python bench/press_kit.py
Builds its own database (bench_press_kit): the national day of
bench/event_pages.py (540 offices, 400 meetings, 500 participants), half the
meetings held with filed reports and positions on three asks, a press list of
2,000 contacts with their outreach, 200 clippings and the six suggested posts.
Prints `name: value unit` lines: query counts and median server time of the
public page and the leader's page dashboard, the share card drawn and cached,
the after-release's figures, and approving a national release (2,000 emails
queued through the outbox, each once).
"""

import os
import statistics
import time

from benchlib import setup_django
from event_pages import build, measure

CONTACTS = 2000
CLIPPINGS = 200
RUNS = int(os.environ.get("BENCH_RUNS", "30"))


def build_press(event, chapter, leader):
    from django.utils import timezone

    from meetings.models import Meeting, MeetingStatus
    from members.models import User
    from press import services, social
    from press.models import Clipping, MediaContact, OutreachEntry
    from reports.models import AskPosition, MeetingReport, ReportStatus
    from talkingpoints.models import Ask

    staff = User.objects.create(email="staff@example.org", is_staff=True)
    asks = [Ask.objects.create(event=event, title=f"Ask {n}", priority=n) for n in range(3)]
    held = list(Meeting.objects.filter(event=event).order_by("pk")[::2])
    Meeting.objects.filter(pk__in=[m.pk for m in held]).update(status=MeetingStatus.HELD)
    reports = MeetingReport.objects.bulk_create(
        MeetingReport(meeting=m, status=ReportStatus.FILED, filed_at=m.ends_at) for m in held
    )
    positions = ["supports", "leaning_yes", "undecided", "opposes"]
    AskPosition.objects.bulk_create(
        AskPosition(report=report, ask=ask, position=positions[(report.pk + ask.pk) % 4])
        for report in reports
        for ask in asks
    )
    national = services.page_create(by=staff, event=event)
    page = services.page_create(by=leader, event=event, chapter=chapter)
    for each in (national, page):
        services.page_update(page=each, hashtag="DayOfAction", partners="Faith in Action")
        services.page_publish(page=each, published=True)
        social.posts_suggest(page=each, by=staff)
    contacts = MediaContact.objects.bulk_create(
        MediaContact(
            name=f"Reporter {n}",
            email=f"reporter{n}@news.example",
            outlet=f"Outlet {n % 300}",
            chapter=chapter if n % 4 == 0 else None,
            language="Spanish" if n % 5 == 0 else "English",
        )
        for n in range(CONTACTS)
    )
    now = timezone.now()
    OutreachEntry.objects.bulk_create(
        OutreachEntry(page=page, contact=c, kind="replied", happened_at=now) for c in contacts
    )
    Clipping.objects.bulk_create(
        Clipping(
            page=page,
            outlet=f"Outlet {n}",
            published_on=event.date,
            url=f"https://news.example/{n}",
            headline=f"Lawyers meet lawmakers, story {n}",
        )
        for n in range(CLIPPINGS)
    )
    return staff, national, page


def timed(function, runs=RUNS):
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main():
    setup_django("bench_press_kit")
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    from outbox.models import Email
    from press import public, releases, share_image
    from press.models import ReleaseKind

    event, chapter, leader, _participant = build()
    staff, national, page = build_press(event, chapter, leader)
    anonymous, leader_client = Client(), Client()
    leader_client.force_login(leader)
    for name, client, url in (
        ("public_page", anonymous, reverse("press:public", args=[page.slug])),
        ("page_dashboard", leader_client, reverse("press:page", args=[page.pk])),
    ):
        count, median = measure(client, url)
        print(f"{name}_queries: {count} queries")
        print(f"{name}_median_ms: {median:.1f} ms")

    text = public.card_text(page)
    print(f"share_card_draw_ms: {timed(lambda: share_image.draw(text), runs=10):.1f} ms")
    cache.delete(f"press:share-card:{share_image.fingerprint(text)}")
    share_image.card_png(text)
    print(f"share_card_cached_ms: {timed(lambda: share_image.card_png(text)):.2f} ms")
    print(f"after_figures_ms: {timed(lambda: releases.day_figures(national), runs=10):.1f} ms")

    release = releases.release_create(page=national, kind=ReleaseKind.AFTER, by=staff)
    started = time.perf_counter()
    queued = releases.release_approve(release=release, by=staff)
    print(f"approve_national_release_ms: {(time.perf_counter() - started) * 1000:.0f} ms")
    emails = Email.objects.filter(topic=f"press-release:{release.pk}")
    print(f"release_emails_queued: {queued} emails")
    print(f"release_emails_distinct: {emails.values('to').distinct().count()} addresses")


if __name__ == "__main__":
    main()

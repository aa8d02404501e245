"""The public awareness kit in real Chromium, through the real worker and SMTP sink.

A chapter leader publishes the chapter's public page for yesterday's Day of
Action and checks its share card, drafts the after-the-day release from the
day's filed reports with an embargo a little ahead, national staff approve it,
and once the embargo has passed the release reaches each press contact of the
chapter's list exactly once (and no one else's).
"""

import datetime
import io
import re
import time

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from chapters.models import Role
from meetings.models import MeetingStatus
from outbox.services import emails_dispatch_due
from press.models import MediaContact
from reports.models import AskPosition, MeetingReport, ReportStatus
from tests.e2e.mailbox import text_of
from tests.e2e.pages import log_in, message
from tests.e2e.test_followup_journey import person
from tests.factories import PASSWORD, ChapterFactory, EventFactory, StaffFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory
from tests.talkingpoints.factories import AskFactory

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

PRESS = ["rosa@telemundo.example", "tom@startribune.example"]


@pytest.fixture
def yesterday():
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN"])
    event = EventFactory(
        name="National Day of Action",
        slug="ndoa",
        theme="Fair courts for every family",
        date=timezone.localdate() - datetime.timedelta(days=1),
    )
    leader = person(chapter, "Lena", Role.LEADER)
    staff = StaffFactory(email="staff@example.org", first_name="Sam")
    staff.set_password(PASSWORD)
    staff.save()
    ask = AskFactory(event=event, title="Cut the visa backlogs")
    for hour, last_name, position in ((10, "Lind", "supports"), (11, "Holm", "undecided")):
        meeting = MeetingFactory(
            event=event,
            chapter=chapter,
            lawmaker=LawmakerFactory(last_name=last_name, state="MN"),
            starts_at=at(event, hour),
            ends_at=at(event, hour, 30),
            status=MeetingStatus.HELD,
        )
        report = MeetingReport.objects.create(
            meeting=meeting, status=ReportStatus.FILED, filed_at=meeting.ends_at
        )
        AskPosition.objects.create(report=report, ask=ask, position=position)
    MediaContact.objects.create(
        name="Rosa Díaz", email=PRESS[0], outlet="Telemundo", language="Spanish", chapter=chapter
    )
    MediaContact.objects.create(
        name="Tom Berg", email=PRESS[1], outlet="Star Tribune", market_state="MN"
    )
    MediaContact.objects.create(
        name="Ann Lee", email="ann@tennessean.example", outlet="Tennessean", market_state="TN"
    )
    return event, chapter, leader, staff


def _embargo_ahead(event) -> datetime.datetime:
    """The next whole minute at least 25 s away, in the day's zone (the form's precision)."""
    soon = timezone.localtime(timezone.now() + datetime.timedelta(seconds=25), event.zone)
    return soon.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)


def test_leader_publishes_page_drafts_after_release_staff_approve_press_get_it_once(
    celery_worker, smtp_sink, open_page, yesterday
):
    event, chapter, leader, staff = yesterday
    smtp_sink.clear()

    page = open_page()
    log_in(page, email=leader.email, password=PASSWORD)
    page.wait_for_url("/")
    page.goto("/press/")
    page.get_by_label("Day of Action").select_option(label=event.name)
    page.get_by_role("button", name="Start the page").first.click()
    expect(page.get_by_role("heading", name=f"{event.name}: {chapter.name}")).to_be_visible()
    page.get_by_role("button", name="Publish the page").click()
    expect(message(page, "The page is public.")).to_be_visible()

    # The public page, as anyone sees it, with its share card.
    page.get_by_role("link", name="Open the public page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{event.name}: {chapter.name}")
    card_url = page.locator('meta[property="og:image"]').get_attribute("content")
    card = page.request.get(card_url)
    assert card.ok and card.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(card.body())).size == (1200, 630)
    expect(page.get_by_role("img", name=re.compile("The share card"))).to_be_visible()
    page.go_back()

    # The after-the-day release, drafted from the filed reports.
    page.get_by_role("button", name=re.compile("Draft a release: after the day")).click()
    expect(page.get_by_role("heading", name=re.compile("Press release"))).to_be_visible()
    reads = page.locator(".press-release-body")
    expect(reads).to_contain_text("Offices met: 2 (2 Senate, 0 House")
    expect(reads).to_contain_text("Cut the visa backlogs: 1 supports, 1 undecided.")
    embargo = _embargo_ahead(event)
    page.get_by_label("Embargo until").fill(embargo.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save the draft").click()
    expect(message(page, "The draft is saved.")).to_be_visible()
    expect(page.get_by_role("button", name="Approve and queue to the press")).to_have_count(0)
    release_url = page.url

    # National staff approve.
    desk = open_page()
    log_in(desk, email=staff.email, password=PASSWORD)
    desk.wait_for_url("/")
    desk.goto(release_url)
    desk.get_by_role("button", name="Approve and queue to the press").click()
    expect(message(desk, "Approved: queued to 2 press contacts")).to_be_visible()

    # Nothing before the embargo, then each contact of the chapter's list once.
    assert emails_dispatch_due() == 0
    time.sleep(1)
    assert smtp_sink.messages() == []
    while timezone.now() < embargo:
        time.sleep(0.5)
    assert emails_dispatch_due() == 2  # what the beat does every minute
    for address in PRESS:
        release = smtp_sink.wait_for(to=address, subject_contains="immigration lawyers met")
        assert "Offices met: 2" in text_of(release)
        assert "Lena" not in text_of(release)
    time.sleep(1)
    assert emails_dispatch_due() == 0
    received = sorted(str(m["To"]) for m in smtp_sink.messages())
    assert received == PRESS

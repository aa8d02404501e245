"""Meeting requests to offices in real Chromium, through the real worker and SMTP sink.

A leader sends the chapter's requests from the Requests page; each office's
scheduler gets its letter with a reply link; one office proposes another time
through its link, so the member seated there hears of it and finds the new
time in their itinerary and calendar; another declines, and its meeting is
cancelled on the board.
"""

import datetime
import re

import icalendar
import pytest
from playwright.sync_api import expect

from chapters.models import Role
from meetings.models import Meeting, MeetingStatus, Seat, SeatStatus
from officerequests.models import ContactRole, OfficeContact
from tests.e2e.mailbox import link_in, text_of
from tests.e2e.pages import log_in, message
from tests.e2e.test_followup_journey import person
from tests.factories import PASSWORD, ChapterFactory, EventFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _office(event, chapter, last_name, hour, member):
    lawmaker = LawmakerFactory(first_name="Ann", last_name=last_name, state="MN")
    OfficeContact.objects.create(
        lawmaker=lawmaker,
        role=ContactRole.SCHEDULER,
        name=f"Scheduler for {last_name}",
        email=f"scheduler@{last_name.lower()}.senate.example",
    )
    meeting = MeetingFactory(
        event=event,
        chapter=chapter,
        lawmaker=lawmaker,
        starts_at=at(event, hour),
        ends_at=at(event, hour, 30),
        status=MeetingStatus.REQUESTED,
        seats=2,
    )
    Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)
    return meeting


@pytest.fixture
def day():
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN"])
    event = EventFactory(name="National Day of Action", slug="ndoa")
    leader = person(chapter, "Lena", Role.LEADER)
    ada, bea = person(chapter, "Ada"), person(chapter, "Bea")
    lind = _office(event, chapter, "Lind", 10, ada)
    holm = _office(event, chapter, "Holm", 11, bea)
    return event, chapter, leader, ada, bea, lind, holm


def test_leader_sends_requests_one_office_moves_the_time_another_declines(
    celery_worker, smtp_sink, open_page, day
):
    event, chapter, leader, ada, bea, lind, holm = day

    page = open_page()
    log_in(page, email=leader.email, password=PASSWORD)
    page.goto(f"/events/{event.slug}/chapters/{chapter.slug}/board/")
    page.get_by_role("link", name="Meeting requests").click()
    expect(page.get_by_role("heading", name=re.compile("Meeting requests"))).to_be_visible()
    page.get_by_role("button", name="Send the 2 unsent requests").click()
    expect(message(page, "Requests queued to 2 offices.")).to_be_visible()

    letter = smtp_sink.wait_for(to="scheduler@lind.senate.example")
    assert "Ada E." in text_of(letter)
    assert "ada@example.org" not in text_of(letter)
    reply_url = link_in(letter, containing="/office-requests/reply/")

    office = open_page(phone=True)  # the office has no account
    office.goto(reply_url)
    expect(office.get_by_role("heading", name="Senator Ann Lind")).to_be_visible()
    expect(office.get_by_text("Ada E.")).to_be_visible()
    office.get_by_label("Proposed another time").check()
    office.get_by_label("Another time that day").fill("14:00")
    office.get_by_role("button", name="Send the answer").click()
    expect(office.get_by_text("Your answer: Proposed another time")).to_be_visible()

    moved = Meeting.objects.get(pk=lind.pk)
    assert (moved.status, moved.starts_at) == (MeetingStatus.CONFIRMED, at(event, 14))
    notice = smtp_sink.wait_for(to=ada.email, subject_contains="Changed: meeting with")
    assert "2:00" in notice["Subject"]

    member = open_page(phone=True)
    log_in(member, email=ada.email, password=PASSWORD)
    member.goto(f"/events/{event.slug}/itinerary/")
    expect(member.locator(".stop").filter(has_text="Lind")).to_contain_text("2:00")
    feed = member.request.get("/calendar/my-meetings.ics")
    assert feed.ok
    [entry] = icalendar.Calendar.from_ical(feed.body()).walk("VEVENT")
    assert entry.decoded("dtstart") == at(event, 14)

    second = smtp_sink.wait_for(to="scheduler@holm.senate.example")
    declining = open_page()
    declining.goto(link_in(second, containing="/office-requests/reply/"))
    declining.get_by_label("Declined").check()
    declining.get_by_role("button", name="Send the answer").click()
    expect(declining.get_by_text("Your answer: Declined")).to_be_visible()
    smtp_sink.wait_for(to=bea.email, subject_contains="Cancelled: meeting with")

    page.goto(f"/events/{event.slug}/chapters/{chapter.slug}/board/")
    expect(page.locator(".board-block--cancelled")).to_contain_text("11:00")
    expect(page.locator(".board-block--confirmed")).to_contain_text("2:00")
    assert Meeting.objects.get(pk=holm.pk).status == MeetingStatus.CANCELLED
    assert datetime.timedelta(0) < moved.ends_at - moved.starts_at

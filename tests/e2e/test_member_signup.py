"""Members in real Chromium: a seat, the itinerary, the calendar download, the waitlist."""

import datetime
import re
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect

from chapters.models import Role
from lawmakers.models import Building
from tests.e2e.pages import log_in, message
from tests.factories import PASSWORD, ChapterFactory, EventFactory, MembershipFactory
from tests.meetings.factories import LawmakerFactory, MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lobby_day():
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN"])
    event = EventFactory(name="National Day of Action", slug="ndoa")
    starts = datetime.datetime.combine(event.date, datetime.time(10, 30), tzinfo=event.zone)
    meeting = MeetingFactory(
        event=event,
        chapter=chapter,
        lawmaker=LawmakerFactory(full_name="Ann Lind", state="TN"),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=20),
        building=Building.HART,
        room="SH-309",
        seats=1,
    )
    return chapter, meeting


def person(chapter, first_name):
    return MembershipFactory(
        chapter=chapter,
        role=Role.MEMBER,
        user__first_name=first_name,
        user__email=f"{first_name.lower()}@example.org",
    ).user


def sign_in(page, user):
    log_in(page, email=user.email, password=PASSWORD)
    expect(page.get_by_role("heading", name=f"Hello, {user.first_name}")).to_be_visible()


def test_member_takes_a_seat_reads_the_itinerary_and_downloads_the_calendar(
    open_page, lobby_day, tmp_path
):
    chapter, meeting = lobby_day
    ada = person(chapter, "Ada")
    page = open_page()
    sign_in(page, ada)

    page.get_by_role("link", name="Lobby meetings").click()
    expect(page.get_by_role("heading", name="Lobby meetings")).to_be_visible()
    card = page.locator(f"#meeting-{meeting.pk}")
    expect(card).to_contain_text("Senator Ann Lind")
    expect(card).to_contain_text("1 seat left")
    card.get_by_role("button", name="Take a seat").click()

    expect(
        message(page, "You have a seat in the meeting with Ann Lind at 10:30 AM.")
    ).to_be_visible()
    expect(card.locator(".badge", has_text="You have a seat")).to_be_visible()
    expect(card).to_contain_text("Full")

    page.get_by_role("link", name=re.compile(r"^My itinerary")).click()
    expect(page).to_have_url(re.compile(r"/events/ndoa/itinerary/$"))
    stop = page.locator(".stop")
    expect(stop).to_have_count(1)
    expect(stop).to_contain_text("10:30 AM")
    expect(stop).to_contain_text("SH-309, Hart Senate Office Building")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download my meetings (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "my-meetings.ics"
    saved = tmp_path / "my-meetings.ics"
    download.save_as(saved)
    (vevent,) = icalendar.Calendar.from_ical(Path(saved).read_bytes()).walk("VEVENT")
    assert vevent.decoded("dtstart") == meeting.starts_at
    assert str(vevent["summary"]) == "Meeting with Senator Ann Lind"
    assert str(vevent["location"]) == "SH-309, Hart Senate Office Building"

    # Printed: the day's list without the calendar links and buttons.
    page.emulate_media(media="print")
    expect(page.locator(".calendar-card")).to_be_hidden()
    expect(page.get_by_role("link", name=re.compile("Leave this meeting"))).to_be_hidden()
    expect(stop).to_be_visible()


def test_waitlisted_member_is_promoted_when_the_seat_frees_up(open_page, lobby_day):
    chapter, _meeting = lobby_day
    ada, ben = person(chapter, "Ada"), person(chapter, "Ben")
    page_a = open_page()
    page_b = open_page(phone=True)
    sign_in(page_a, ada)
    sign_in(page_b, ben)

    page_a.goto("/events/ndoa/meetings/")
    page_a.get_by_role("button", name="Take a seat").click()
    expect(message(page_a, "You have a seat")).to_be_visible()

    page_b.goto("/events/ndoa/meetings/")
    page_b.get_by_role("button", name="Join the waitlist").click()
    expect(message(page_b, "you are on its waitlist")).to_be_visible()
    expect(page_b.get_by_text("Waitlist, number 1")).to_be_visible()
    page_b.goto("/events/ndoa/itinerary/")
    expect(page_b.locator(".stop")).to_contain_text("On the waitlist")

    page_a.goto("/events/ndoa/itinerary/")
    page_a.get_by_role("link", name=re.compile("Leave this meeting")).click()
    page_a.get_by_role("button", name="Yes, give up my seat").click()
    expect(message(page_a, "You gave up your seat in the meeting with Ann Lind.")).to_be_visible()
    expect(page_a.get_by_text("You have no meetings in this Day of Action yet.")).to_be_visible()

    page_b.reload()
    stop = page_b.locator(".stop")
    expect(stop).to_contain_text("Ann Lind")
    expect(stop).not_to_contain_text("On the waitlist")
    expect(stop).not_to_have_class(re.compile("stop--waitlisted"))
    expect(stop.get_by_role("link", name=re.compile("Leave this meeting"))).to_be_visible()

"""Talking points in real Chromium: staff write an ask, a member reads it and prints the packet."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from chapters.models import Role
from lawmakers.models import Building, Committee, CommitteeSeat
from meetings.models import Seat, SeatStatus
from tests.e2e.pages import log_in, message
from tests.factories import (
    PASSWORD,
    ChapterFactory,
    EventFactory,
    MembershipFactory,
    StaffFactory,
)
from tests.meetings.factories import LawmakerFactory, MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lobby_day():
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN"])
    event = EventFactory(name="National Day of Action", slug="ndoa")
    senator = LawmakerFactory(first_name="Ann", last_name="Lind", full_name="Ann Lind")
    judiciary = Committee.objects.create(
        code="SSJU", name="Senate Committee on the Judiciary", kind="senate"
    )
    CommitteeSeat.objects.create(committee=judiciary, lawmaker=senator)
    starts = datetime.datetime.combine(event.date, datetime.time(10, 30), tzinfo=event.zone)
    meeting = MeetingFactory(
        event=event,
        chapter=chapter,
        lawmaker=senator,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=20),
        building=Building.HART,
        room="SH-309",
    )
    ada = MembershipFactory(
        chapter=chapter, role=Role.MEMBER, user__first_name="Ada", user__email="ada@example.org"
    ).user
    Seat.objects.create(meeting=meeting, user=ada, status=SeatStatus.CONFIRMED)
    staff = StaffFactory(first_name="Sam", email="sam@example.org")
    return event, meeting, ada, staff


def test_staff_write_an_ask_and_a_member_reads_and_prints_it(open_page, lobby_day, tmp_path):
    event, _meeting, ada, staff = lobby_day

    desk = open_page()
    log_in(desk, email=staff.email, password=PASSWORD)
    expect(desk.get_by_role("heading", name="Hello, Sam")).to_be_visible()
    desk.goto(f"/events/{event.slug}/")
    desk.get_by_role("link", name="Asks and talking points").click()
    desk.get_by_role("link", name="Write the first ask").click()
    desk.get_by_label("Title:").fill("An independent immigration court")
    desk.get_by_label("The ask in one sentence:").fill("Co-sponsor the court bill.")
    desk.get_by_label("Talking points:").fill(
        "- Judges need **independence** from enforcement.\n"
        "- <img src=x onerror=\"document.title='hacked'\"> Backlog: 3 million cases."
    )
    desk.get_by_label("Related bills:").fill("H.R. 1234")
    desk.locator("summary", has_text="Committees").click()
    desk.get_by_label("Senate Committee on the Judiciary").check()
    desk.get_by_role("button", name="Add the ask").click()
    expect(message(desk, "is in every briefing it applies to")).to_be_visible()
    expect(
        desk.get_by_role("heading", name=re.compile("An independent immigration court"))
    ).to_be_visible()

    phone = open_page(phone=True)
    log_in(phone, email=ada.email, password=PASSWORD)
    expect(phone.get_by_role("heading", name="Hello, Ada")).to_be_visible()
    phone.goto(f"/events/{event.slug}/itinerary/")
    phone.get_by_role("link", name="Briefing for the meeting with Ann Lind").click()
    ask = phone.locator(".ask-brief", has_text="An independent immigration court")
    expect(ask).to_contain_text(
        "Why this office: Lind sits on the Senate Committee on the Judiciary."
    )
    expect(ask.locator("strong", has_text="independence")).to_be_visible()
    expect(ask).to_contain_text("Backlog: 3 million cases.")
    assert phone.title() != "hacked"
    assert ask.locator("img").count() == 0

    phone.get_by_role("link", name="My printable packet").click()
    expect(phone.get_by_role("heading", name=re.compile("^Lobby packet"))).to_be_visible()
    expect(phone.locator(".packet__page")).to_have_count(1)
    phone.emulate_media(media="print")
    expect(phone.locator(".site-header")).to_be_hidden()
    expect(phone.locator(".packet__page .ask-brief")).to_contain_text("independence")
    page_break = phone.locator(".packet__page").evaluate("e => getComputedStyle(e).breakBefore")
    assert page_break == "page"
    pdf = tmp_path / "packet.pdf"
    phone.pdf(path=pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

"""A chapter leader opens the schedule board, schedules a meeting with an office, and sees it."""

import re

import pytest
from playwright.sync_api import expect

from chapters.models import Role
from meetings.models import Meeting
from tests.e2e.pages import log_in, message
from tests.factories import PASSWORD, ChapterFactory, EventFactory, MembershipFactory
from tests.meetings.factories import LawmakerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_leader_schedules_a_meeting_and_sees_it_on_the_board(open_page):
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN"])
    leader = MembershipFactory(chapter=chapter, role=Role.CHAIR, user__first_name="Ingrid").user
    event = EventFactory(name="National Day of Action", slug="national")
    LawmakerFactory(first_name="Amy", last_name="Larsen", state="MN", office_room="425")
    page = open_page()
    log_in(page, email=leader.email, password=PASSWORD)

    page.goto(f"/events/{event.slug}/")
    page.locator("a.board-link", has_text="Minnesota/Dakotas").click()
    expect(page.get_by_role("heading", name="Schedule board")).to_be_visible()
    expect(page.get_by_text("No meetings yet.")).to_be_visible()

    page.get_by_role("link", name="Schedule a meeting").first.click()
    # The form's script fills the room when the office changes: wait until it has loaded.
    page.wait_for_url(re.compile(r"/meetings/new/"), wait_until="load")
    page.get_by_label("Office:", exact=True).select_option(label="Larsen, Amy (D) · MN Senate")
    expect(page.get_by_label("Room:", exact=True)).to_have_value("425")
    page.get_by_label("Starts at:", exact=True).fill("10:15")
    page.get_by_label("Office contact:", exact=True).fill("Jo Staffer")
    page.get_by_role("button", name="Schedule it").click()

    expect(page).to_have_url(re.compile(r"/events/national/chapters/mn-dakotas/board/$"))
    scheduled = "The meeting with Amy Larsen at 10:15 AM is on the board."
    expect(message(page, scheduled)).to_be_visible()
    block = page.locator(".board-block")
    expect(block).to_have_count(1)
    expect(block).to_contain_text("10:15")
    expect(block).to_contain_text("425")
    expect(page.locator(".board-office")).to_contain_text("Larsen, A.")
    meeting = Meeting.objects.get()
    assert (meeting.room, meeting.contact_name, meeting.chapter) == ("425", "Jo Staffer", chapter)

    block.click()
    expect(page.get_by_role("heading", name=re.compile("Meeting with Amy Larsen"))).to_be_visible()
    expect(page.get_by_text("Meeting created")).to_be_visible()

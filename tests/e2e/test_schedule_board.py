"""A chapter leader opens the schedule board, schedules a meeting with an office, and sees it."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from chapters.models import Role
from meetings.models import Meeting
from tests.e2e.pages import log_in, message
from tests.factories import PASSWORD, ChapterFactory, EventFactory, MembershipFactory
from tests.meetings.factories import LawmakerFactory, MeetingFactory

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


def _day_with_a_morning_and_an_afternoon_meeting():
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN"])
    leader = MembershipFactory(chapter=chapter, role=Role.CHAIR).user
    event = EventFactory(slug="national")  # the day runs from 8:00 to 18:00
    for hour, last_name in [(9, "Larsen"), (16, "Okafor")]:
        MeetingFactory(
            event=event,
            chapter=chapter,
            lawmaker=LawmakerFactory(last_name=last_name, state="MN"),
            starts_at=datetime.datetime.combine(
                event.date, datetime.time(hour, 0), tzinfo=event.zone
            ),
        )
    return leader, f"/events/{event.slug}/chapters/{chapter.slug}/board/"


def _inside(inner: dict, outer: dict) -> bool:
    return (
        inner["x"] >= outer["x"] - 0.5
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
        and inner["y"] >= outer["y"] - 0.5
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5
    )


def test_board_shows_the_whole_day_at_1280_wide(open_page):
    leader, board_url = _day_with_a_morning_and_an_afternoon_meeting()
    page = open_page()
    log_in(page, email=leader.email, password=PASSWORD)
    page.wait_for_url("/")
    page.goto(board_url)

    scroller = page.locator(".board-scroll")
    expect(scroller).to_be_visible()
    # The day fits: nothing hides beyond the right edge, and nothing was scrolled away.
    overflow = scroller.evaluate("(element) => element.scrollWidth - element.clientWidth")
    assert overflow <= 1
    assert scroller.evaluate("(element) => element.scrollLeft") == 0
    frame = scroller.bounding_box()
    viewport = {"x": 0, "y": frame["y"], "width": 1280, "height": frame["height"]}
    assert _inside(frame, viewport)
    for when, office in [("9:00", "Larsen"), ("4:00", "Okafor")]:
        block = page.locator(".board-block", has_text=when)
        expect(block).to_be_visible()
        assert _inside(block.bounding_box(), frame), when
        expect(page.locator(".board-office", has_text=office)).to_be_visible()
    for label in ["8 AM", "12 PM", "4 PM", "5 PM"]:
        hour = page.locator(".board-hour", has_text=re.compile(rf"^{label}$"))
        assert _inside(hour.bounding_box(), frame), label


def test_board_on_a_phone_lists_the_afternoon_and_its_grid_scrolls_by_keyboard(open_page):
    leader, board_url = _day_with_a_morning_and_an_afternoon_meeting()
    page = open_page(phone=True)
    log_in(page, email=leader.email, password=PASSWORD)
    page.wait_for_url("/")
    page.goto(board_url)

    # A phone starts with the list, in time order: the afternoon is there, no sideways scroll.
    items = page.locator(".board-item")
    expect(items).to_have_count(2)
    expect(items.nth(1)).to_contain_text("4:00")
    expect(items.nth(1)).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390

    # The grid scrolls sideways inside its frame, from the keyboard as well.
    page.get_by_role("button", name="Grid").click()
    scroller = page.locator(".board-scroll")
    expect(scroller).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    scroller.focus()
    afternoon = page.locator(".board-block", has_text="4:00")
    for _ in range(200):
        if _inside(afternoon.bounding_box(), scroller.bounding_box()):
            break
        page.keyboard.press("ArrowRight")
    assert _inside(afternoon.bounding_box(), scroller.bounding_box())
    expect(afternoon).to_be_visible()


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_controls_a_script_drives_stay_hidden_until_it_runs(chromium, live_site, javascript):
    """`hidden` wins over a class's `display` (.button is inline-flex): without JavaScript
    neither the board's Grid/List switch nor the dashboard's Print button shows."""
    leader, board_url = _day_with_a_morning_and_an_afternoon_meeting()
    context = chromium.new_context(
        base_url=live_site, viewport={"width": 1280, "height": 800}, java_script_enabled=javascript
    )
    try:
        page = context.new_page()
        log_in(page, email=leader.email, password=PASSWORD)
        page.wait_for_url("/")
        page.goto(board_url)
        switch = page.get_by_role("button", name="Grid")
        page.goto(board_url.replace("/board/", "/").replace("/events/", "/reports/events/"))
        print_button = page.locator("[data-print]")
        expect(print_button).to_have_count(1)
        if javascript:
            expect(print_button).to_be_visible()
            page.goto(board_url)
            expect(switch).to_be_visible()
        else:
            expect(print_button).to_be_hidden()
            page.goto(board_url)
            expect(switch).to_be_hidden()
    finally:
        context.close()

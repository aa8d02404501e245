"""Seats by keyboard and touch: leaving asks first, focus stays with the list, 44 px targets."""

import re

import pytest
from playwright.sync_api import expect

from meetings.models import Seat, SeatStatus
from tests.e2e.demo_world import PASSWORD, demo_world
from tests.e2e.pages import log_in, message

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Visible buttons, button-like links, form controls and menu items shorter than 44 px.
SMALL_TARGETS_JS = """
() => [...document.querySelectorAll(
  "button, .button, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, "
  + ".nav-menu li a"
)].filter((el) => el.offsetParent !== null)
  .map((el) => [el.textContent.trim().slice(0, 30) || el.name, el.getBoundingClientRect().height])
  .filter(([, height]) => height < 44)
"""


def member_page(open_page, world, *, phone=False):
    page = open_page(phone=phone)
    log_in(page, email=world.member.email, password=PASSWORD)
    page.wait_for_url("/")
    return page


def test_leaving_a_meeting_asks_first_and_can_be_called_off(open_page):
    world = demo_world()
    seat = Seat.objects.get(user=world.member, meeting=world.member_meeting)
    page = member_page(open_page, world)
    page.goto(f"/events/{world.event.slug}/itinerary/")
    stop = page.locator(".stop").filter(has_text=world.member_meeting.lawmaker.full_name).first
    stop.get_by_role("link", name=re.compile(r"^Leave this meeting")).click()
    expect(page.get_by_role("heading", name="Give up your seat?")).to_be_visible()
    seat.refresh_from_db()
    assert seat.status == SeatStatus.CONFIRMED
    page.get_by_role("link", name="Keep my seat").click()
    expect(page).to_have_url(re.compile(r"/itinerary/$"))
    stop.get_by_role("link", name=re.compile(r"^Leave this meeting")).click()
    page.get_by_role("button", name="Yes, give up my seat").click()
    expect(message(page, "You gave up your seat")).to_be_visible()
    seat.refresh_from_db()
    assert seat.status == SeatStatus.CANCELLED


def test_taking_a_seat_keeps_focus_on_that_meeting_and_says_so(open_page):
    world = demo_world()
    open_seat = world.member_meeting
    Seat.objects.filter(user=world.member, meeting=open_seat).delete()
    open_seat.seats_taken = open_seat.seats_taken - 1
    open_seat.save(update_fields=["seats_taken"])
    page = member_page(open_page, world)
    page.goto(f"/events/{world.event.slug}/meetings/")
    card = page.locator(f"#meeting-{open_seat.pk}")
    card.get_by_role("button", name=re.compile(r"^(Take a seat|Join the waitlist)")).press("Enter")
    expect(page).to_have_url(re.compile(rf"#meeting-{open_seat.pk}$"))
    expect(card).to_be_focused()
    expect(page.locator(".messages[role=status]")).to_contain_text(open_seat.lawmaker.full_name)


def test_touch_targets_are_44px_on_a_phone(open_page):
    world = demo_world()
    page = member_page(open_page, world, phone=True)
    small = {}
    for url in (
        "/",
        f"/events/{world.event.slug}/meetings/",
        f"/events/{world.event.slug}/itinerary/",
        f"/reports/meetings/{world.led_meeting.pk}/",
        "/profile/edit/",
    ):
        page.goto(url)
        small[url] = page.evaluate(SMALL_TARGETS_JS)
    page.goto("/")
    page.get_by_role("button", name="Menu").click()
    small["menu"] = page.evaluate(SMALL_TARGETS_JS)
    assert {url: found for url, found in small.items() if found} == {}

"""The check-in page's Guests / Press lists are real ARIA tabs, worked from the keyboard."""

import pytest
from playwright.sync_api import expect

from tests.e2e.demo_world import PASSWORD, demo_world
from tests.e2e.pages import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_guest_and_press_tabs_follow_the_aria_tabs_pattern(open_page):
    world = demo_world()
    page = open_page()
    log_in(page, email=world.chair.email, password=PASSWORD)
    page.wait_for_url("/")
    page.goto(f"/coalitions/events/{world.forum.pk}/check-in/")
    guests, press = page.get_by_role("tab", name="Guests"), page.get_by_role("tab", name="Press")
    panel = page.get_by_role("tabpanel")
    expect(panel).to_have_attribute("aria-labelledby", "checkin-tab-guests")
    for tab in (guests, press):
        expect(tab).to_have_attribute("aria-controls", "checkin-panel")
    # One tab stop for the whole tab list: the selected tab.
    expect(guests).to_have_attribute("tabindex", "0")
    expect(press).to_have_attribute("tabindex", "-1")

    guests.focus()
    page.keyboard.press("ArrowRight")
    expect(press).to_be_focused()
    expect(press).to_have_attribute("aria-selected", "true")
    expect(guests).to_have_attribute("aria-selected", "false")
    expect(press).to_have_attribute("tabindex", "0")
    expect(guests).to_have_attribute("tabindex", "-1")
    expect(panel).to_have_attribute("aria-labelledby", "checkin-tab-press")
    expect(panel.locator(".checkin-row:visible")).to_have_count(1)
    expect(panel).to_contain_text("Erik Dahl")

    page.keyboard.press("Home")
    expect(guests).to_be_focused()
    expect(guests).to_have_attribute("aria-selected", "true")
    page.keyboard.press("End")
    expect(press).to_be_focused()
    page.keyboard.press("ArrowRight")  # wraps round to the first tab
    expect(guests).to_be_focused()
    page.keyboard.press("Tab")  # out of the tab list, into the panel
    expect(page.get_by_label("Search a name")).to_be_focused()

"""Phones (390 px) in real Chromium: wide tables fit as cards, the coverage map has its figures."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.demo_world import PASSWORD, demo_world
from tests.e2e.pages import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Anything on the page that reaches past the right edge of the window, or scrolls sideways.
OVERFLOW_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("main table, main .table-scroll")].filter(
    (el) => el.getBoundingClientRect().right > width + 1 || el.scrollWidth > el.clientWidth + 1
  );
  return wide.map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
}
"""


def signed_in_phone(open_page, user):
    page = open_page(phone=True)
    log_in(page, email=user.email, password=PASSWORD)
    page.wait_for_url("/")
    return page


def test_wide_tables_fit_a_phone_as_labelled_cards(open_page):
    world = demo_world()
    event, chapter = world.event.slug, world.chapter.slug
    leader_pages = [
        f"/reports/events/{event}/chapters/{chapter}/",
        f"/chapters/{chapter}/",
        f"/chapters/{chapter}/invitations/",
        f"/talking-points/events/{event}/packet/",
    ]
    page = signed_in_phone(open_page, world.chair)
    overflowing = {}
    for url in leader_pages:
        page.goto(url)
        overflowing[url] = page.evaluate(OVERFLOW_JS)
    staff = signed_in_phone(open_page, world.staff)
    staff.goto(f"/reports/events/{event}/")
    overflowing["coverage"] = staff.evaluate(OVERFLOW_JS)
    assert {url: wide for url, wide in overflowing.items() if wide} == {}
    # Each cell says which column it is in.
    page.goto(f"/chapters/{chapter}/")
    role = page.locator("table.stack tbody td[data-label='Role']").first
    assert "Role" in role.evaluate("el => getComputedStyle(el, '::before').content")


def test_coverage_map_figures_are_text_and_tiles_are_links(open_page):
    world = demo_world()
    page = signed_in_phone(open_page, world.staff)
    page.goto(f"/reports/events/{world.event.slug}/")
    minnesota = page.locator("#state-MN")
    expect(minnesota.get_by_role("rowheader")).to_have_text("MN")
    expect(minnesota.locator("td[data-label='Offices']")).to_have_text("7")
    met, scheduled, none = (
        minnesota.locator(f"td[data-label='{label}']").inner_text()
        for label in ("Met", "Scheduled", "Not yet contacted")
    )
    tile = page.locator("svg.state-map a[href='#state-MN']")
    expect(tile).to_have_attribute(
        "aria-label", f"MN {met}/7: {met} met, {scheduled} scheduled, {none} not yet contacted"
    )
    tile.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#state-MN$"))

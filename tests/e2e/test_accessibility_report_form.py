"""The report form by keyboard: the sticky save bar never hides the field that has focus."""

import pytest

from tests.e2e.demo_world import PASSWORD, demo_world
from tests.e2e.pages import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Where the focused element is, against the save bar stuck to the bottom of the window.
FOCUS_UNDER_BAR_JS = """
() => {
  const el = document.activeElement;
  const bar = document.querySelector(".report-actions");
  if (!el.closest("#report-form") || bar.contains(el)) return null;
  const box = el.getBoundingClientRect();
  const cover = bar.getBoundingClientRect();
  const hidden = box.bottom > cover.top + 1 && box.top < cover.bottom;
  const name = el.name || el.id || el.tagName;
  return hidden ? `${name} at ${box.top}-${box.bottom}, under the bar at ${cover.top}` : null;
}
"""


@pytest.mark.parametrize("phone", [False, True], ids=["1280", "390"])
def test_save_bar_never_covers_the_focused_field(open_page, phone):
    world = demo_world()
    page = open_page(phone=phone)
    log_in(page, email=world.member.email, password=PASSWORD)
    page.wait_for_url("/")
    page.goto(f"/reports/meetings/{world.led_meeting.pk}/")
    page.locator("#report-form").locator("input:not([type=hidden])").first.focus()
    covered = []
    for _ in range(60):
        page.keyboard.press("Tab")
        covered.append(page.evaluate(FOCUS_UNDER_BAR_JS))
    assert [where for where in covered if where] == []

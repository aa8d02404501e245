"""Colours in real Chromium: focus rings of 3:1 against what is behind them, badges of 4.5:1."""

import re

import pytest

from chapters.models import InvitationStatus, Role
from coalitions.models import Rsvp
from meetings.models import MeetingStatus
from outbox.models import EmailState
from tests.e2e.accessibility import CONTRAST_JS, axe_violations, stylesheets
from tests.e2e.pages import log_in
from tests.factories import PASSWORD, MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUS_MINIMUM = 3.0
TAB_STOPS = 25

# Tab through the page; for each stop, its outline and the colour the outline is drawn on.
FOCUS_RINGS_JS = """
() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const ring = __contrast.parse(style.outlineColor);
  const behind = __contrast.backdrop(el);
  return {
    what: el.outerHTML.slice(0, 80),
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
    ratio: ring ? __contrast.ratio(ring, behind) : 0,
  };
}
"""


def focus_rings(page, stops=TAB_STOPS):
    page.evaluate(CONTRAST_JS)
    page.locator("body").focus()
    rings = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RINGS_JS)
        if ring["what"].startswith("<body"):
            break  # past the last stop: the browser's own chrome is next
        rings.append(ring)
    return rings


def weak(rings):
    return [
        ring
        for ring in rings
        if ring["style"] == "none" or ring["width"] < 2 or ring["ratio"] < FOCUS_MINIMUM
    ]


@pytest.mark.parametrize("phone", [False, True], ids=["1280", "390"])
def test_focus_ring_stands_out_on_public_pages(open_page, phone):
    page = open_page(phone=phone)
    for url in ("/", "/accounts/login/", "/accounts/signup/"):
        page.goto(url)
        assert weak(focus_rings(page)) == [], url


def test_focus_ring_stands_out_for_a_member(open_page):
    member = MembershipFactory(role=Role.MEMBER).user
    page = open_page()
    log_in(page, email=member.email, password=PASSWORD)
    page.wait_for_url("/")
    assert weak(focus_rings(page)) == []


def badge_classes() -> list[str]:
    """Every badge the stylesheets colour, and every status a template turns into one."""
    named = set(re.findall(r"\.(badge--[a-z0-9_-]*[a-z0-9_])\b", stylesheets()))
    statuses = {
        "badge--meeting-": MeetingStatus.values,
        "badge--mail-": EmailState.values,
        "badge--rsvp-": Rsvp.values,
        "badge--": InvitationStatus.values + Role.values,
    }
    for prefix, values in statuses.items():
        named.update(prefix + value for value in values)
    return sorted(named)


@pytest.mark.parametrize("backdrop", ["#ffffff", "#f4f6fa"], ids=["card", "page"])
def test_every_badge_reads_at_4_5_to_1(browser_page, backdrop):
    badges = "".join(
        f'<p><span class="badge {name}">Requested {name}</span>'
        f'<span class="tag {name}">Requested {name}</span></p>'
        for name in badge_classes()
    )
    browser_page.set_content(
        f"<!doctype html><html lang='en'><head><title>Badges</title>"
        f"<style>{stylesheets()}</style></head>"
        f"<body><main style='background:{backdrop}'>{badges}</main></body></html>"
    )
    assert axe_violations(browser_page, rules=["color-contrast"]) == []

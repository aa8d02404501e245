"""axe-core over the action centre's main pages, at 1280 and 390 wide: no serious or critical
violation of WCAG 2.2 A/AA; and on phones every button of the action page is 44 px high."""

import pytest

from actions.models import Action, Channel, Outcome
from tests.e2e.accessibility import axe_violations, blocking, describe
from tests.e2e.action_world import action_world, generous_limits  # noqa: F401
from tests.e2e.pages import log_in
from tests.factories import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("generous_limits"),
]

PUBLIC_PAGES = ["/actions/", "/actions/fund-counsel/", "/actions/forget/"]
STAFF_PAGES = [
    "/actions/mine/",
    "/actions/manage/",
    "/actions/manage/fund-counsel/",
    "/actions/manage/new/",
]
# Visible buttons, button-like links, tel: links, form controls and menu items under 44 px.
SMALL_TARGETS_JS = """
() => [...document.querySelectorAll(
  "button, .button, .act-tel, select, "
  + "input:not([type=checkbox]):not([type=radio]):not([type=hidden]), .nav-menu li a"
)].filter((el) => el.offsetParent !== null && !el.closest(".honeypot"))
  .map((el) => [el.textContent.trim().slice(0, 30) || el.name, el.getBoundingClientRect().height])
  .filter(([, height]) => height < 44)
"""


def reach_the_action_page(page):
    page.goto("/actions/fund-counsel/")
    page.get_by_label("Your name").fill("Rosa Díaz")
    page.get_by_label("Your email").fill("rosa@example.org")
    page.get_by_label("ZIP code").fill("55001")
    page.get_by_role("button", name="Find my lawmakers").click()
    page.wait_for_url("**/lawmakers/")


@pytest.mark.parametrize("phone", [False, True], ids=["1280", "390"])
def test_action_centre_pages_have_no_serious_axe_violation(open_page, phone):
    world = action_world()
    Action.objects.create(
        campaign=world.campaign,
        lawmaker=world.representative,
        channel=Channel.CALL_CAPITOL,
        outcome=Outcome.SPOKE,
        user=world.staff,
        state="MN",
        district=2,
    )
    page = open_page(phone=phone)
    failures, small = [], []
    for url in PUBLIC_PAGES:
        assert page.goto(url).status == 200, url
        failures += describe(url, blocking(axe_violations(page)))
        small += page.evaluate(SMALL_TARGETS_JS) if phone else []
    reach_the_action_page(page)
    failures += describe("district choice", blocking(axe_violations(page)))
    page.get_by_label("MN-2 (Angela Kraig)").check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_selector("article.act-card")
    failures += describe("action page", blocking(axe_violations(page)))
    small += page.evaluate(SMALL_TARGETS_JS) if phone else []

    staff = open_page(phone=phone)
    log_in(staff, email=world.staff.email, password=PASSWORD)
    staff.wait_for_url("/")
    for url in STAFF_PAGES:
        assert staff.goto(url).status == 200, url
        failures += describe(url, blocking(axe_violations(staff)))
    assert failures == []
    assert small == []

"""The action centre on a phone in real Chromium: a supporter from a ZIP spanning two
districts writes, prints and calls; staff see the three actions on the dashboard."""

import re

import pytest
from playwright.sync_api import expect

from actions.models import Action, Channel, Outcome
from tests.e2e.action_world import action_world, generous_limits  # noqa: F401
from tests.e2e.pages import log_in, message
from tests.factories import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("generous_limits"),
]


def test_a_supporter_chooses_a_district_writes_prints_and_calls_then_staff_see_it(open_page):
    world = action_world()
    rep = world.representative
    page = open_page(phone=True)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/actions/fund-counsel/")
    expect(
        page.get_by_role("heading", name="Fund counsel for people who cannot pay")
    ).to_be_visible()
    page.get_by_label("Your name").fill("Rosa Díaz")
    page.get_by_label("Your email").fill("rosa@example.org")
    page.get_by_label("Town or city").fill("Afton")
    page.get_by_label("ZIP code").fill("55001")
    page.get_by_label("You may contact me").check()
    page.get_by_role("button", name="Find my lawmakers").click()

    # The ZIP spans two districts: asked, never guessed.
    page.get_by_label("MN-2 (Angela Kraig)").check()
    page.get_by_role("button", name="Continue").click()
    cards = page.locator("article.act-card")
    expect(cards).to_have_count(3)
    expect(cards.get_by_role("heading", level=2)).to_have_text(
        ["Senator Tom Berg", "Senator Ada Lindgren", "Representative Angela Kraig"]
    )

    # The senator's form: the letter copied with one tap, the form opened in a new tab.
    senator = page.locator(f"#lawmaker-{world.senator.pk}")
    senator.get_by_role("button", name="Copy the letter").click()
    expect(senator.get_by_role("status")).to_have_text(re.compile("Copied"))
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("From a constituent in Afton: fund counsel")
    assert "Dear Senator Lindgren," in copied and "Rosa Díaz" in copied
    form_link = senator.get_by_role("link", name=re.compile("Open the office's form"))
    expect(form_link).to_have_attribute("href", "https://www.lindgren.senate.gov/contact")
    expect(form_link).to_have_attribute("target", "_blank")
    senator.get_by_role("button", name="I sent it through the form").click()
    expect(message(page, "Logged: sent, as they told us, to Ada Lindgren")).to_be_visible()

    # The representative: a printable letter for the nearest district office.
    card = page.locator(f"#lawmaker-{rep.pk}")
    expect(card).to_contain_text("The House takes email only through its own system")
    expect(card).to_contain_text("2100 Pilot Knob Road")
    with page.expect_download() as download:
        card.get_by_role("button", name="Download the letter to print (PDF)").click()
    assert download.value.suggested_filename == "letter-to-kraig.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # The call: the nearest district office (Eagan, not Red Wing), a voicemail.
    district = page.locator(f"#district-{rep.pk}")
    expect(district).to_contain_text("Eagan")
    expect(district.get_by_role("link", name="651-846-2120")).to_have_attribute(
        "href", "tel:+16518462120"
    )
    district.get_by_role("button", name="Left a voicemail: the district office").click()
    expect(
        message(page, "Logged: you left a voicemail at Representative Kraig's district office")
    ).to_be_visible()
    expect(page.locator("#my-actions + ul li, #my-actions ~ ul li")).to_have_count(3)

    logged = set(Action.objects.values_list("lawmaker_id", "channel", "outcome"))
    assert logged == {
        (world.senator.pk, Channel.CONTACT_FORM, Outcome.SENT_AS_TOLD),
        (rep.pk, Channel.PRINTED, Outcome.PRINTED),
        (rep.pk, Channel.CALL_DISTRICT, Outcome.VOICEMAIL),
    }

    staff = open_page()
    log_in(staff, email=world.staff.email, password=PASSWORD)
    staff.wait_for_url("/")
    staff.goto("/actions/manage/fund-counsel/")
    expect(staff.locator(".stats .stat").first).to_have_text("3 actions")
    lawmakers = staff.locator("section[aria-labelledby='lawmakers-title'] tbody tr")
    expect(lawmakers).to_have_count(2)
    expect(lawmakers.first).to_contain_text("Angela Kraig")

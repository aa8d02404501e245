"""The action centre's mail through the real worker and SMTP: a letter our outbox sends to a
state legislator in the supporter's name, and the supporter's "forget me" link."""

import re

import pytest
from playwright.sync_api import expect

from actions.models import Action, Supporter
from chapters.models import Chapter
from lawmakers.models import Chamber, Level, ZipDistrict
from tests.actions.factories import CampaignFactory
from tests.e2e.action_world import generous_limits  # noqa: F401
from tests.e2e.mailbox import link_in, text_of
from tests.e2e.pages import message
from tests.factories import ChapterFactory
from tests.lawmakers.factories import StateLegislatorFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("generous_limits"),
]


def state_world() -> Chapter:
    ZipDistrict.objects.create(zcta="55102", state="MN", district=4)
    StateLegislatorFactory(
        chamber=Chamber.UPPER,
        district="65",
        first_name="Sandy",
        last_name="Pappas",
        full_name="Sandy Pappas",
        email="sen.sandy.pappas@senate.mn",
        phone="651-296-1802",
    )
    StateLegislatorFactory(
        chamber=Chamber.LOWER, district="65A", last_name="Her", email="rep.kaohly.her@house.mn"
    )
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN"])
    CampaignFactory(
        slug="mn-counsel",
        level=Level.STATE,
        state="MN",
        chapter=chapter,
        allows_outbox_email=True,
        own_words_required=True,
    )
    return chapter


def test_our_outbox_sends_the_letter_in_the_supporters_name_and_forgets_them_on_request(
    open_page, celery_worker, smtp_sink, live_site
):
    state_world()
    page = open_page(phone=True)
    page.goto("/actions/mn-counsel/")
    page.get_by_label("Your name").fill("Rosa Díaz")
    page.get_by_label("Your email").fill("rosa@example.org")
    page.get_by_label("ZIP code").fill("55102")
    page.get_by_role("button", name="Find my lawmakers").click()
    page.get_by_label("Your state senate district").select_option("65")
    page.get_by_label("Your state house district").select_option("65A")
    page.get_by_role("button", name="Continue").click()

    senator = page.locator("article.act-card").filter(has_text="Sandy Pappas")
    expect(senator).to_contain_text("Write a few sentences in your own words")
    page.get_by_label("In your own words").fill("My clients waited four years for a hearing.")
    page.get_by_role("button", name="Prepare my letters").click()
    expect(senator.get_by_role("link", name="Write from my own email")).to_have_attribute(
        "href", re.compile(r"^mailto:sen\.sandy\.pappas@senate\.mn\?subject=")
    )
    senator.get_by_role("button", name="Send it for me").click()
    expect(message(page, "Your letter to Sandy Pappas is with our mail server")).to_be_visible()

    letter = smtp_sink.wait_for(to="sen.sandy.pappas@senate.mn", subject_contains="Saint Paul")
    assert letter["Reply-To"] == "rosa@example.org"
    body = text_of(letter)
    assert body.startswith("Dear State senator Pappas,")
    assert "My clients waited four years for a hearing." in body
    assert "Rosa Díaz" in body

    page.goto("/actions/forget/")
    page.get_by_label("The email address you gave us").fill("rosa@example.org")
    page.get_by_role("button", name="Send me the link").click()
    expect(page.get_by_text("If we hold anything under that address")).to_be_visible()
    erase = smtp_sink.wait_for(to="rosa@example.org", subject_contains="Erase your details")
    link = link_in(erase, containing="/actions/forget/")
    assert link.startswith(live_site) and "rosa" not in link
    page.goto(link)
    page.get_by_role("button", name="Erase my details").click()
    expect(page.get_by_role("heading", name="Done")).to_be_visible()
    supporter = Supporter.objects.get()
    assert (supporter.name, supporter.email) == ("", "")
    assert Action.objects.count() == 1

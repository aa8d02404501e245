"""Coalition events in real Chromium: an invitation answered by link, the door, a postcard."""

import re

import pytest
from playwright.sync_api import expect

from coalitions import access
from coalitions.models import Guest, GuestKind, Rsvp
from tests.coalitions.factories import CoalitionEventFactory, GuestFactory
from tests.e2e.mailbox import link_in, text_of
from tests.e2e.pages import log_in, message
from tests.factories import PASSWORD, ChapterFactory, MembershipFactory
from tests.meetings.factories import LawmakerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GUEST = "pastor.amundsen@example.org"


@pytest.fixture
def forum():
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN", "ND"])
    return CoalitionEventFactory(chapter=chapter, name="Minneapolis community forum")


@pytest.mark.worker
def test_leader_invites_a_guest_who_accepts_through_the_emailed_link(
    open_page, forum, celery_worker, smtp_sink, live_site
):
    leader = MembershipFactory(chapter=forum.chapter, role="chair").user
    page = open_page()
    log_in(page, email=leader.email, password=PASSWORD)
    page.goto(f"/coalitions/events/{forum.pk}/")
    page.get_by_label("List").select_option("distinguished")
    page.get_by_label("Distinguished as").select_option("religious_leader")
    page.get_by_label("First name").fill("Karin")
    page.get_by_label("Last name").fill("Amundsen")
    page.get_by_label("Title").fill("Pastor")
    page.get_by_label("Organisation").fill("St. Olaf Lutheran")
    page.get_by_label("Email").fill(GUEST)
    page.get_by_role("button", name="Add to the list").click()
    expect(message(page, "Karin Amundsen is on the guest list.")).to_be_visible()
    page.get_by_role("button", name="Invite everyone not yet invited").click()
    expect(message(page, "1 invitation on the way.")).to_be_visible()

    email = smtp_sink.wait_for(to=GUEST, subject_contains="You are invited", timeout=30)
    assert "Dear Karin Amundsen," in text_of(email)
    assert "As Pastor, your voice" in text_of(email)
    link = link_in(email, containing="/coalitions/rsvp/")
    assert link.startswith(live_site)

    guest_page = open_page(phone=True)
    guest_page.goto(link)
    expect(guest_page.get_by_role("heading", name="Hello Karin,")).to_be_visible()
    assert Guest.objects.get().rsvp == Rsvp.OPENED
    guest_page.get_by_role("button", name="I will come").click()
    expect(guest_page.get_by_text("we look forward to seeing you")).to_be_visible()

    page.reload()
    row = page.get_by_role("row").filter(has_text="Karin Amundsen")
    expect(row.locator(".badge")).to_have_text("Accepted")


def test_volunteer_checks_in_20_guests_and_2_press_on_a_phone(open_page, forum):
    volunteer = MembershipFactory(chapter=forum.chapter, role="member").user
    names = [f"Guest{n:02d} Example" for n in range(20)]
    for name in names:
        first, last = name.split()
        GuestFactory(event=forum, first_name=first, last_name=last)
    for first in ("Dana", "Lee"):
        GuestFactory(event=forum, kind=GuestKind.PRESS, first_name=first, last_name="Reporter")
    GuestFactory(event=forum, first_name="Not", last_name="Coming")

    page = open_page(phone=True)
    log_in(page, email=volunteer.email, password=PASSWORD)
    page.goto(f"/coalitions/events/{forum.pk}/check-in/")
    counter = page.locator(".checkin-count")
    expect(counter).to_have_text("0 of 21 arrived")
    search = page.get_by_placeholder("Search a name or organisation")
    for number, name in enumerate(names, start=1):
        search.fill(name.split()[0].lower())
        page.get_by_role("button", name=f"Check in {name}").click()
        expect(counter).to_have_text(f"{number} of 21 arrived")
    page.get_by_role("tab", name=re.compile("Press")).click()
    expect(counter).to_have_text("0 of 2 arrived")
    search.fill("")
    page.get_by_role("button", name="Check in Dana Reporter").click()
    page.get_by_role("button", name="Check in Lee Reporter").click()
    expect(counter).to_have_text("2 of 2 arrived")
    expect(page.locator(".checkin-row[aria-busy]")).to_have_count(0)

    arrived = Guest.objects.filter(checked_in_at__isnull=False)
    assert sorted(arrived.filter(kind=GuestKind.PRESS).values_list("first_name", flat=True)) == [
        "Dana",
        "Lee",
    ]
    assert arrived.exclude(kind=GuestKind.PRESS).count() == 20
    page.reload()
    expect(counter).to_have_text("20 of 21 arrived")


def test_guest_writes_a_postcard_addressed_to_their_own_lawmakers_dc_offices(open_page, forum):
    from lawmakers.models import Building, CapitolSide, Chamber, ZipDistrict

    ZipDistrict.objects.create(zcta="55401", state="MN", district=5)
    LawmakerFactory(
        first_name="Ada",
        last_name="Lindgren",
        full_name="Ada Lindgren",
        office_building=Building.HART,
        office_room="309",
    )
    LawmakerFactory(
        first_name="Tom",
        last_name="Berg",
        full_name="Tom Berg",
        office_building=Building.RUSSELL,
        office_room="425",
    )
    LawmakerFactory(
        chamber=Chamber.LOWER,
        district="5",
        first_name="Ilse",
        last_name="Okonkwo",
        full_name="Ilse Okonkwo",
        office_building=Building.LONGWORTH,
        office_room="1217",
        capitol_side=CapitolSide.HOUSE,
    )
    LawmakerFactory(chamber=Chamber.LOWER, district="4", last_name="Notmine")

    page = open_page(phone=True)
    page.goto(f"/coalitions/act/{access.action_token(forum)}/")
    expect(page.get_by_role("heading", name="Take action now")).to_be_visible()
    expect(page.get_by_label("Your message")).to_have_value(
        re.compile(r"^Dear \{\{ lawmaker \}\},.*- Fund counsel for people who cannot pay", re.S)
    )
    page.get_by_label("Your name").fill("Rosa Díaz")
    page.get_by_label("Street address").fill("12 Hennepin Ave")
    page.get_by_label("City").fill("Minneapolis")
    page.get_by_label("State").select_option("MN")
    page.get_by_label("ZIP code").fill("99999")
    page.get_by_role("button", name="Sign my postcards").click()
    expect(page.get_by_text("We cannot find ZIP code 99999 in MN.")).to_be_visible()
    page.get_by_label("ZIP code").fill("55401")
    message_box = page.get_by_label("Your message")
    message_box.fill(message_box.input_value() + "\nMy grandmother waited nine years.")
    page.get_by_role("button", name="Sign my postcards").click()

    expect(page.get_by_role("heading", name="Thank you, Rosa Díaz")).to_be_visible()
    cards = page.locator(".postcard")
    expect(cards).to_have_count(3)
    expect(page.get_by_label("Postcard to Ada Lindgren")).to_contain_text(
        "309 Hart Senate Office Building"
    )
    expect(page.get_by_label("Postcard to Ada Lindgren")).to_contain_text("Washington, DC 20510")
    expect(page.get_by_label("Postcard to Ada Lindgren")).to_contain_text("Dear Senator Lindgren,")
    house = page.get_by_label("Postcard to Ilse Okonkwo")
    expect(house).to_contain_text("1217 Longworth House Office Building")
    expect(house).to_contain_text("Washington, DC 20515")
    expect(house).to_contain_text("My grandmother waited nine years.")
    expect(page.get_by_text("Notmine")).to_have_count(0)
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()

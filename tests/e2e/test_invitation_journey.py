"""A chapter leader invites a newcomer; the real worker mails the link; they join."""

import re

import pytest
from playwright.sync_api import expect

from chapters.models import InvitationStatus, Membership, Role
from tests.e2e.mailbox import html_of, link_in
from tests.e2e.pages import expect_logged_in_home, log_in, message
from tests.factories import PASSWORD, ChapterFactory, MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

INVITEE = "sam.lindqvist@example.org"
INVITEE_PASSWORD = "maple-harbor-quilt-19"


def test_leader_invites_newcomer_who_joins_through_the_emailed_link(
    open_page, celery_worker, smtp_sink, live_site
):
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN", "ND"])
    leader = MembershipFactory(chapter=chapter, role=Role.CHAIR, user__first_name="Lena").user
    leader_page = open_page()
    log_in(leader_page, email=leader.email, password=PASSWORD)
    expect_logged_in_home(leader_page, first_name="Lena")

    leader_page.goto("/chapters/mn-dakotas/invitations/")
    leader_page.get_by_label("Email").fill(INVITEE)
    leader_page.get_by_label("First name").fill("Sam")
    leader_page.get_by_role("button", name="Send invitation").click()
    expect(message(leader_page, f"An invitation is on its way to {INVITEE}.")).to_be_visible()

    email = smtp_sink.wait_for(
        to=INVITEE, subject_contains="Minnesota/Dakotas invites you", timeout=30
    )
    link = link_in(email, containing="/invitations/")
    assert link.startswith(live_site + "/invitations/")
    assert link in html_of(email)
    assert re.search(
        r"Task chapters\.tasks\.send_invitation\[\S+\] succeeded", celery_worker.log()
    )

    invitee_page = open_page(phone=True)
    invitee_page.goto(link)
    expect(invitee_page.get_by_role("heading", name="Join Minnesota/Dakotas")).to_be_visible()
    expect(invitee_page.get_by_label("First name")).to_have_value("Sam")
    invitee_page.get_by_label("Last name").fill("Lindqvist")
    invitee_page.locator("#id_password1").fill(INVITEE_PASSWORD)
    invitee_page.locator("#id_password2").fill(INVITEE_PASSWORD)
    invitee_page.get_by_role("button", name="Create account and join").click()

    expect(invitee_page).to_have_url(re.compile(r"/profile/edit/$"))
    expect(message(invitee_page, "Welcome to Minnesota/Dakotas!")).to_be_visible()
    invitee_page.goto("/")
    expect_logged_in_home(invitee_page, first_name="Sam")
    expect(invitee_page.get_by_role("heading", name="Minnesota/Dakotas Member")).to_be_visible()
    assert Membership.objects.get(chapter=chapter, user__email=INVITEE).role == Role.MEMBER

    leader_page.goto("/chapters/mn-dakotas/invitations/")
    invitation_row = leader_page.get_by_role("row").filter(has_text=INVITEE)
    expect(invitation_row.locator(".badge")).to_have_text(InvitationStatus.ACCEPTED.label)
    leader_page.goto("/chapters/mn-dakotas/")
    expect(leader_page.get_by_role("row").filter(has_text=INVITEE)).to_contain_text(
        "Sam Lindqvist"
    )

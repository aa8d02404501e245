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


def test_invited_member_with_an_account_logs_in_from_the_link_and_joins(
    open_page, celery_worker, smtp_sink
):
    chapter = ChapterFactory(name="Tennessee", slug="tennessee", states=["TN"])
    leader = MembershipFactory(chapter=chapter, role=Role.LEADER).user
    member = MembershipFactory(user__email="kofi@example.org", user__first_name="Kofi").user
    leader_page = open_page()
    log_in(leader_page, email=leader.email, password=PASSWORD)
    leader_page.goto("/chapters/tennessee/invitations/")
    leader_page.get_by_label("Email").fill("Kofi@Example.org")
    leader_page.get_by_role("button", name="Send invitation").click()
    expect(
        message(leader_page, "An invitation is on its way to kofi@example.org.")
    ).to_be_visible()

    email = smtp_sink.wait_for(
        to=member.email, subject_contains="Tennessee invites you", timeout=30
    )
    member_page = open_page(phone=True)
    member_page.goto(link_in(email, containing="/invitations/"))
    member_page.get_by_role("link", name="Log in to accept").click()
    member_page.get_by_label("Email").fill(member.email)
    member_page.get_by_label("Password").fill(PASSWORD)
    member_page.get_by_role("button", name="Log in").click()
    member_page.get_by_role("button", name="Accept and join Tennessee").click()

    expect(message(member_page, "Welcome to Tennessee!")).to_be_visible()
    expect_logged_in_home(member_page, first_name="Kofi")
    expect(member_page.get_by_role("heading", name="Tennessee Member")).to_be_visible()
    assert Membership.objects.filter(user=member).count() == 2


def test_resent_invitation_replaces_the_link_of_the_first_email(
    open_page, celery_worker, smtp_sink
):
    chapter = ChapterFactory(name="Georgia", slug="georgia", states=["GA"])
    leader = MembershipFactory(chapter=chapter, role=Role.VICE_CHAIR).user
    leader_page = open_page()
    log_in(leader_page, email=leader.email, password=PASSWORD)
    leader_page.goto("/chapters/georgia/invitations/")
    leader_page.get_by_label("Email").fill("noor@example.org")
    leader_page.get_by_role("button", name="Send invitation").click()
    first_link = link_in(
        smtp_sink.wait_for(to="noor@example.org", subject_contains="Georgia", timeout=30),
        containing="/invitations/",
    )
    smtp_sink.clear()

    leader_page.get_by_role("row").filter(has_text="noor@example.org").get_by_role(
        "button", name="Resend"
    ).click()
    expect(
        message(leader_page, "The invitation to noor@example.org is sent again.")
    ).to_be_visible()
    second_link = link_in(
        smtp_sink.wait_for(to="noor@example.org", subject_contains="Georgia", timeout=30),
        containing="/invitations/",
    )

    invitee_page = open_page(phone=True)
    invitee_page.goto(first_link)
    expect(
        invitee_page.get_by_role("heading", name="This invitation cannot be used")
    ).to_be_visible()
    invitee_page.goto(second_link)
    expect(invitee_page.get_by_role("heading", name="Join Georgia")).to_be_visible()

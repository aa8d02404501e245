"""Accounts in real Chromium: sign-up with email verification, profile, password reset."""

import re

import pytest
from playwright.sync_api import expect

from members.models import PolicyIssue, PracticeArea, User
from members.services import user_create
from tests.e2e.mailbox import html_of, link_in
from tests.e2e.pages import expect_logged_in_home, log_in, message
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "plum-orchard-lantern-42"


def test_newcomer_signs_up_verifies_email_and_completes_profile(browser_page, smtp_sink):
    # A data migration makes these, but the flush after any transactional test removes them.
    for area in ("Asylum and refugee law", "Removal defense", "Family-based immigration"):
        PracticeArea.objects.get_or_create(name=area)
    PolicyIssue.objects.get_or_create(name="Cutting visa backlogs")
    page = browser_page
    page.goto("/accounts/signup/")
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Okafor")
    page.get_by_label("Email").fill("Ada.Okafor@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()

    email = smtp_sink.wait_for(
        to="ada.okafor@example.org", subject_contains="Confirm your email address"
    )
    assert email["Subject"] == "[Day of Action] Confirm your email address"
    link = link_in(email, containing="/accounts/confirm-email/")
    assert link in html_of(email)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    expect_logged_in_home(page, first_name="Ada")

    page.goto("/profile/edit/")
    page.get_by_label("Phone").fill("651-555-0123")
    page.get_by_label("Address:", exact=True).fill("75 Rev Dr Martin Luther King Jr Blvd")
    page.get_by_label("City").fill("Saint Paul")
    page.get_by_label("State").select_option("MN")
    page.get_by_label("ZIP code").fill("5510")
    page.get_by_label("Asylum and refugee law").check()
    page.get_by_label("Removal defense").check()
    page.get_by_label("Years of practice").fill("7")
    page.get_by_label("First time advocate").uncheck()
    page.get_by_label("Cutting visa backlogs").check()
    page.get_by_role("button", name="Save profile").click()

    expect(page.get_by_text("Enter a zip code in the format XXXXX or XXXXX-XXXX.")).to_be_visible()
    expect(page.get_by_label("Removal defense")).to_be_checked()
    page.get_by_label("ZIP code").fill("55155")
    page.get_by_role("button", name="Save profile").click()

    expect(page).to_have_url(re.compile(r"/profile/$"))
    expect(message(page, "Your profile is saved.")).to_be_visible()
    facts = page.locator("main")
    expect(facts).to_contain_text("Ada Okafor")
    expect(facts).to_contain_text("(651) 555-0123")
    expect(facts).to_contain_text("Saint Paul, MN 55155")
    expect(facts).to_contain_text("Has lobbied before")
    expect(page.locator(".tag")).to_have_text(
        ["Asylum and refugee law", "Removal defense", "Cutting visa backlogs"]
    )
    expect(facts.locator("dd").filter(has_text=re.compile(r"^7$"))).to_have_count(1)


def test_login_before_verifying_shows_the_verify_email_page(browser_page, smtp_sink):
    user_create(email="unverified@example.org", password=PASSWORD, first_name="Una")

    log_in(browser_page, email="unverified@example.org", password=PASSWORD)

    expect(browser_page.get_by_role("heading", name="Confirm your email address")).to_be_visible()
    smtp_sink.wait_for(to="unverified@example.org", subject_contains="Confirm your email address")
    browser_page.goto("/profile/")
    expect(browser_page).to_have_url(re.compile(r"/accounts/login/\?next=/profile/$"))


def test_signup_with_different_passwords_shows_the_error_and_sends_nothing(
    browser_page, smtp_sink
):
    page = browser_page
    page.goto("/accounts/signup/")
    page.get_by_label("First name").fill("Bo")
    page.get_by_label("Last name").fill("Reyes")
    page.get_by_label("Email").fill("bo.reyes@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD + "-typo")
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_text("You must type the same password each time.")).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value("bo.reyes@example.org")
    assert not User.objects.filter(email="bo.reyes@example.org").exists()
    assert smtp_sink.messages() == []


def test_member_resets_forgotten_password_through_the_emailed_link(phone_page, smtp_sink):
    user = UserFactory(email="forgetful@example.org", first_name="Farah")
    page = phone_page
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill("forgetful@example.org")
    page.get_by_role("button", name="Reset my password").click()
    expect(page.get_by_role("heading", name="Reset your password")).to_be_visible()

    email = smtp_sink.wait_for(to=user.email, subject_contains="Reset your password")
    page.goto(link_in(email, containing="/accounts/password/reset/key/"))
    page.get_by_label("New Password:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New Password (again)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change your password").click()
    expect(page.get_by_text("Your password is now changed.")).to_be_visible()

    log_in(page, email=user.email, password=NEW_PASSWORD)
    expect_logged_in_home(page, first_name="Farah")

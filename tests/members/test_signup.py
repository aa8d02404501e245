"""Sign-up and login through allauth, as a visitor does it."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from members.models import Profile, User
from tests.factories import PASSWORD, UserFactory

# Account emails go through the outbox after commit: the requests commit for real here.
pytestmark = [
    pytest.mark.usefixtures("no_rate_limits"),
    pytest.mark.django_db(transaction=True),
]


def signup_data(**changes) -> dict:
    return {
        "email": "ana.lopez@example.org",
        "first_name": "Ana",
        "last_name": "Lopez",
        "password1": "a-long-enough-passphrase",
        "password2": "a-long-enough-passphrase",
        **changes,
    }


def test_signup_creates_unverified_account_with_profile(client, db, mailoutbox):
    response = client.post(reverse("account_signup"), signup_data(email="Ana.Lopez@Example.org"))
    assert (response.status_code, response.url) == (
        302,
        reverse("account_email_verification_sent"),
    )
    user = User.objects.get()
    address = EmailAddress.objects.get(user=user)
    assert (user.email, user.full_name) == ("ana.lopez@example.org", "Ana Lopez")
    assert (address.verified, address.primary) == (False, True)
    assert Profile.objects.filter(user=user).exists() is True
    assert "_auth_user_id" not in client.session


def test_signup_sends_verification_email_with_text_and_html(client, db, mailoutbox):
    client.post(reverse("account_signup"), signup_data())
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["ana.lopez@example.org"]
    assert message.subject.startswith("[Day of Action] ")
    assert "/accounts/confirm-email/" in message.body
    assert [mime for _, mime in message.alternatives] == ["text/html"]
    assert "/accounts/confirm-email/" in message.alternatives[0][0]


def test_signup_then_confirm_logs_in(client, db, mailoutbox):
    client.post(reverse("account_signup"), signup_data())
    link = next(word for word in mailoutbox[0].body.split() if "/accounts/confirm-email/" in word)
    path = "/" + link.split("/", 3)[3]
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ana.lopez@example.org").verified is True
    assert int(client.session["_auth_user_id"]) == User.objects.get().pk


def test_signup_email_taken_in_other_case_makes_no_second_account(client, db, mailoutbox):
    existing = UserFactory(email="ana.lopez@example.org")
    response = client.post(reverse("account_signup"), signup_data(email="ANA.Lopez@example.ORG"))
    # allauth prevents account enumeration: the visitor sees the usual "check your
    # email" page, and the owner of the address is told that an account exists.
    assert (response.status_code, response.url) == (
        302,
        reverse("account_email_verification_sent"),
    )
    assert list(User.objects.filter(email__iexact="ana.lopez@example.org")) == [existing]
    assert [message.to for message in mailoutbox] == [["ana.lopez@example.org"]]
    assert "_auth_user_id" not in client.session


def test_signup_mismatched_passwords_rerenders_with_error(client, db, mailoutbox):
    response = client.post(
        reverse("account_signup"), signup_data(password2="another-long-passphrase")
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["password2"]
    assert (User.objects.count(), len(mailoutbox)) == (0, 0)


def test_signup_without_names_rerenders_with_errors(client, db):
    response = client.post(reverse("account_signup"), signup_data(first_name="", last_name=""))
    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == ["first_name", "last_name"]
    assert User.objects.count() == 0


def test_login_before_verification_does_not_log_in(client, db, mailoutbox):
    client.post(reverse("account_signup"), signup_data())
    client.logout()
    response = client.post(
        reverse("account_login"),
        {"login": "ana.lopez@example.org", "password": "a-long-enough-passphrase"},
    )
    assert (response.status_code, response.url) == (
        302,
        reverse("account_email_verification_sent"),
    )
    assert "_auth_user_id" not in client.session


def test_login_verified_with_other_case_logs_in(client, db):
    user = UserFactory(email="ana.lopez@example.org")
    response = client.post(
        reverse("account_login"), {"login": "Ana.Lopez@EXAMPLE.org", "password": PASSWORD}
    )
    assert (response.status_code, response.url) == (302, reverse("home"))
    assert int(client.session["_auth_user_id"]) == user.pk


def test_login_wrong_password_rerenders(client, db):
    UserFactory(email="ana.lopez@example.org")
    response = client.post(
        reverse("account_login"), {"login": "ana.lopez@example.org", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

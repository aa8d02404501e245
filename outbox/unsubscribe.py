"""Signed, lasting unsubscribe links (List-Unsubscribe and the footer of non-essential mail)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "outbox.unsubscribe"


def unsubscribe_token(email: str) -> str:
    return signing.dumps(email.lower(), salt=SALT, compress=True)


def email_for_token(token: str) -> str | None:
    try:
        return signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None


def unsubscribe_url(email: str) -> str:
    return settings.SITE_URL + reverse(
        "outbox:unsubscribe", kwargs={"token": unsubscribe_token(email)}
    )

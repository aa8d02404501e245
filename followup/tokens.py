"""Signed links in reminder emails: confirm or cancel a seat without logging in."""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

SALT = "followup.seat-answer"
ACTIONS = ("confirm", "cancel")


def seat_token(*, seat_id: int, user_id: int, action: str, expires: datetime.datetime) -> str:
    return signing.dumps(
        {"seat": seat_id, "user": user_id, "action": action, "exp": int(expires.timestamp())},
        salt=SALT,
    )


def seat_answer_url(*, seat_id: int, user_id: int, action: str, expires) -> str:
    token = seat_token(seat_id=seat_id, user_id=user_id, action=action, expires=expires)
    return settings.SITE_URL + reverse("followup:seat_answer", kwargs={"token": token})


class LinkProblem(Exception):
    pass


def read_seat_token(token: str, *, now: datetime.datetime | None = None) -> dict:
    """The link's content, or LinkProblem saying why it no longer works."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise LinkProblem(
            "This link is not valid: it may have been copied incompletely."
        ) from None
    if data.get("action") not in ACTIONS:
        raise LinkProblem("This link is not valid.")
    now = now or timezone.now()
    if now.timestamp() >= data["exp"]:
        raise LinkProblem("This link has expired: the meeting has begun.")
    return data

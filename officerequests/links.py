"""Signed reply links for offices, who have no account (the approach of coalitions' links).

A link names one meeting and its office. It works until the event's day ends;
it is refused when the signature does not match (tampered or cut short), when
the meeting is gone, or when the meeting is no longer with that office.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting

SALT = "officerequests.reply"


class LinkProblem(Exception):
    """Why a reply link does not work, in words for the office."""


def reply_token(*, meeting_id: int, lawmaker_id: int) -> str:
    return signing.dumps({"m": meeting_id, "o": lawmaker_id}, salt=SALT)


def reply_url(*, meeting_id: int, lawmaker_id: int) -> str:
    token = reply_token(meeting_id=meeting_id, lawmaker_id=lawmaker_id)
    return settings.SITE_URL + reverse("officerequests:reply", kwargs={"token": token})


def meeting_for_reply(token: str) -> Meeting:
    """The meeting this link answers for, or LinkProblem."""
    try:
        data = signing.loads(token, salt=SALT)
        meeting_id, lawmaker_id = int(data["m"]), int(data["o"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkProblem(
            "This link is not valid: it may have been copied incompletely or changed. "
            "Please use the link exactly as it came in our email."
        ) from None
    meeting = (
        Meeting.objects.select_related("event", "chapter", "lawmaker", "request")
        .filter(pk=meeting_id, lawmaker_id=lawmaker_id)
        .first()
    )
    if meeting is None:
        raise LinkProblem(
            "This link no longer matches a meeting request: the chapter may have changed it. "
            "Please answer the chapter's contact by email."
        )
    if timezone.now() >= meeting.event.ends_at:
        raise LinkProblem(f"This link has expired: {meeting.event.name} is over.")
    return meeting

"""A request's state as the Requests page shows it: one rule, read from rows already loaded."""

from django.db import models
from django.utils import timezone

from meetings.models import Meeting, MeetingStatus
from officerequests.models import Answer


class RequestState(models.TextChoices):
    NOT_SENT = "not_sent", "Not sent"
    SENT = "sent", "Sent"
    OPENED = "opened", "Opened"
    ANSWERED = "answered", "Answered"
    CONFIRMED = "confirmed", "Confirmed"
    DECLINED = "declined", "Declined"


ORDER = list(RequestState.values)


def request_of(meeting: Meeting):
    """The meeting's request row, or None (read from `select_related("request")`)."""
    try:
        return meeting.request
    except Meeting.request.RelatedObjectDoesNotExist:
        return None


def state_of(meeting: Meeting) -> str:
    request = request_of(meeting)
    if request is None or request.sent_at is None:
        return RequestState.NOT_SENT
    if request.answer == Answer.DECLINE or meeting.status == MeetingStatus.CANCELLED:
        return RequestState.DECLINED
    if meeting.status == MeetingStatus.CONFIRMED:
        return RequestState.CONFIRMED
    if request.answer:
        return RequestState.ANSWERED
    return RequestState.OPENED if request.opened_at else RequestState.SENT


def waiting_days(meeting: Meeting, now=None) -> int | None:
    """Days since the request went, while the office has not answered."""
    request = request_of(meeting)
    if request is None or request.sent_at is None or request.answer:
        return None
    return ((now or timezone.now()) - request.sent_at).days


def office_state(meetings: list[Meeting]) -> str:
    """An office asked for several meetings is as far as the least advanced of them."""
    return min((state_of(m) for m in meetings), key=ORDER.index)

"""Sending request letters: one email per office through the outbox, or through its web form.

Every request is logged on its meetings (`meetings.services.meetings_log`).
An office's letter covers all the chapter's meetings asked of it in the
event. Sending again is explicit (`resend=True`): the email key counts the
sends, so a repeated click or a redelivered task never sends twice.
"""

from django.db import transaction
from django.utils import timezone

from common.merge import MergeError
from meetings.people import delegations_of
from meetings.services import meetings_log
from members.models import User
from officerequests.letters import (
    LETTER_FIELDS,
    letter_values,
    templates_for,
    window_text,
    wording_for,
)
from officerequests.links import reply_url
from officerequests.models import MeetingRequest, SentHow
from officerequests.selectors import OfficeRequests
from officerequests.states import request_of
from outbox.services import emails_queue_many
from talkingpoints.selectors import asks_for_meetings

KIND = "officerequests.request"


class RequestError(Exception):
    """A request that cannot go; the message says why."""


def contact_line(user: User) -> str:
    return f"{user.full_name or user.email} ({user.email})"


def letters_for(offices: list[OfficeRequests], *, by: User) -> dict[int, tuple[str, str]]:
    """(subject, body) of each office's letter, by lawmaker id, in a fixed number of queries."""
    meetings = [m for office in offices for m in office.meetings]
    if not meetings:
        return {}
    delegations = delegations_of(meetings, related=("user", "user__profile"))
    asks = asks_for_meetings(meetings)
    templates = templates_for({m.chapter_id for m in meetings})
    letters = {}
    for office in offices:
        values = letter_values(
            meetings=office.meetings, delegations=delegations, asks=asks, contact=contact_line(by)
        )
        wording = wording_for(office.meetings[0].chapter_id, templates)
        try:
            letters[office.lawmaker.pk] = (
                " ".join(LETTER_FIELDS.render(wording.subject, values).split()),
                LETTER_FIELDS.render(wording.body, values),
            )
        except MergeError as error:  # a template saved before a field was withdrawn
            raise RequestError(f"The request letter cannot be made: {error}") from None
    return letters


def _reply_links(office: OfficeRequests) -> list[dict]:
    return [
        {
            "window": window_text(meeting),
            "url": reply_url(meeting_id=meeting.pk, lawmaker_id=meeting.lawmaker_id),
        }
        for meeting in office.meetings
    ]


@transaction.atomic
def requests_send(*, offices: list[OfficeRequests], by: User, resend: bool = False) -> dict:
    """Email each office with a known scheduler its letter; returns what went and what could not.

    Without `resend`, only meetings whose request has not gone are asked (an office whose
    requests all went is skipped). Offices without an address are listed in "no_address".
    """
    to_send, no_address = [], []
    for office in offices:
        meetings = office.meetings if resend else office.unsent
        if not meetings:
            continue
        if not office.address:
            no_address.append(office)
            continue
        to_send.append(OfficeRequests(office.lawmaker, meetings, office.contacts))
    letters = letters_for(to_send, by=by)
    now = timezone.now()
    rows = []
    for office in to_send:
        subject, body = letters[office.lawmaker.pk]
        first = office.meetings[0]
        sends = 1 + max((getattr(request_of(m), "sends", 0) for m in office.meetings), default=0)
        rows.append(
            {
                "to": office.address,
                "kind": KIND,
                "key": f"{KIND}:{first.event_id}:{first.chapter_id}:{office.lawmaker.pk}:{sends}",
                "template_prefix": "officerequests/email/request",
                "context": {"subject": subject, "letter": body, "links": _reply_links(office)},
                "topic": f"meeting:{first.pk}",
                "reply_to": by.email,
            }
        )
        _mark_sent(office, how=SentHow.EMAIL, to=office.address, by=by, now=now, sends=sends)
    emails_queue_many(emails=rows)
    return {"sent": to_send, "no_address": no_address}


@transaction.atomic
def requests_sent_through_form(*, office: OfficeRequests, by: User) -> None:
    """The leader pasted the letter into the office's web form: log it, claim no delivery."""
    sends = 1 + max((getattr(request_of(m), "sends", 0) for m in office.meetings), default=0)
    _mark_sent(office, how=SentHow.FORM, to="", by=by, now=timezone.now(), sends=sends)


def _mark_sent(office: OfficeRequests, *, how, to, by, now, sends) -> None:
    existing = {m.pk: request_of(m) for m in office.meetings}
    new, changed = [], []
    for meeting in office.meetings:
        request = existing[meeting.pk] or MeetingRequest(meeting=meeting)
        request.sent_at, request.sent_how, request.sent_to = now, how, to
        request.sent_by, request.sends = by, sends
        (changed if request.pk else new).append(request)
        meeting.request = request
    MeetingRequest.objects.bulk_create(new)
    MeetingRequest.objects.bulk_update(
        changed, ["sent_at", "sent_how", "sent_to", "sent_by", "sends"]
    )
    where = f"by email to {to}" if how == SentHow.EMAIL else "through the office's web form"
    again = " again" if sends > 1 else ""
    meetings_log(meetings=office.meetings, by=by, summary=f"Request sent{again} {where}")

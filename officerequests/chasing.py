"""Chasing: a request with no answer gets at most two polite reminders to the office.

The beat runs `requests_chase` hourly. A reminder is due `OFFICE_REQUEST_CHASE_DAYS`
after the request went (the second as long after the first). One email per
office, through the outbox, keyed by office and number, so a second run or a
redelivered task never sends it twice.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from meetings.models import MeetingStatus
from officerequests.letters import window_text
from officerequests.links import reply_url
from officerequests.models import MeetingRequest, SentHow
from outbox.services import emails_queue_many

KIND = "officerequests.reminder"
MAX_REMINDERS = 2


def unanswered(*, now=None):
    """Requests emailed, still unanswered, whose next reminder is due."""
    now = now or timezone.now()
    days = datetime.timedelta(days=settings.OFFICE_REQUEST_CHASE_DAYS)
    return (
        MeetingRequest.objects.filter(
            sent_how=SentHow.EMAIL,
            answer="",
            reminders_sent__lt=MAX_REMINDERS,
            meeting__status=MeetingStatus.REQUESTED,
            meeting__starts_at__gt=now,
            sent_at__lte=now - days * (F("reminders_sent") + 1),
        )
        .select_related("meeting__event", "meeting__chapter", "meeting__lawmaker")
        .order_by("meeting__starts_at")
    )


@transaction.atomic
def requests_chase(*, now=None) -> int:
    """Queue the due reminders; returns how many emails were new."""
    due = list(unanswered(now=now).select_for_update(of=("self",), skip_locked=True))
    offices: dict[tuple, list[MeetingRequest]] = {}
    for request in due:
        m = request.meeting
        offices.setdefault((m.event_id, m.chapter_id, m.lawmaker_id), []).append(request)
    rows = []
    for (event_id, chapter_id, lawmaker_id), requests in offices.items():
        number = 1 + min(r.reminders_sent for r in requests)
        first = requests[0].meeting
        rows.append(
            {
                "to": requests[0].sent_to,
                "kind": KIND,
                "key": f"{KIND}:{event_id}:{chapter_id}:{lawmaker_id}:{number}",
                "template_prefix": "officerequests/email/reminder",
                "context": {
                    "chapter": first.chapter.name,
                    "event": first.event.name,
                    "date": f"{first.event.date:%A, %B %-d}",
                    "links": [
                        {
                            "window": window_text(r.meeting),
                            "url": reply_url(meeting_id=r.meeting_id, lawmaker_id=lawmaker_id),
                        }
                        for r in requests
                    ],
                },
                "topic": f"meeting:{first.pk}",
            }
        )
    MeetingRequest.objects.filter(pk__in=[r.pk for r in due]).update(
        reminders_sent=F("reminders_sent") + 1
    )
    return emails_queue_many(emails=rows)

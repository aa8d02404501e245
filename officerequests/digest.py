"""The note in a chapter leader's daily summary about requests the offices have not answered.

`followup` writes the summary and cannot import this app (they share a layer):
the `LEADER_DIGEST_NOTES` setting names `waiting_requests_note`, which the
summary's composer calls when the email goes out.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from chapters.models import Chapter
from events.models import Event
from meetings.models import MeetingStatus
from officerequests.models import MeetingRequest

WAITING = (MeetingStatus.REQUESTED, MeetingStatus.SCHEDULED)


def waiting_requests_note(*, event: Event, chapter: Chapter, now=None) -> dict | None:
    """Offices that have not answered a request sent `OFFICE_REQUEST_CHASE_DAYS` ago or more.

    One line per office, the longest wait first, in one query; None when there are none.
    """
    now = now or timezone.now()
    since = now - datetime.timedelta(days=settings.OFFICE_REQUEST_CHASE_DAYS)
    requests = (
        MeetingRequest.objects.filter(
            meeting__event=event,
            meeting__chapter=chapter,
            meeting__status__in=WAITING,
            answer="",
            sent_at__lte=since,
        )
        .select_related("meeting__lawmaker")
        .order_by("sent_at", "pk")
    )
    offices: dict[int, dict] = {}
    for request in requests:
        lawmaker = request.meeting.lawmaker
        office = offices.setdefault(
            lawmaker.pk,
            {
                "name": f"{lawmaker.title} {lawmaker.full_name}",
                "days": (now - request.sent_at).days,
                "reminders": request.reminders_sent,
                "meetings": 0,
            },
        )
        office["meetings"] += 1
        office["reminders"] = min(office["reminders"], request.reminders_sent)
    if not offices:
        return None
    return {
        "heading": "Requests still waiting for an answer",
        "lines": [_line(office) for office in offices.values()],
        "url": settings.SITE_URL
        + reverse("officerequests:requests", args=[event.slug, chapter.slug]),
        "link_label": "Open the Requests page",
    }


def _line(office: dict) -> str:
    meetings = office["meetings"]
    reminders = office["reminders"]
    return (
        f"{office['name']}: {meetings} meeting{'s' if meetings != 1 else ''} asked, "
        f"no answer for {office['days']} day{'s' if office['days'] != 1 else ''}"
        f" ({reminders} reminder{'s' if reminders != 1 else ''} sent)"
    )

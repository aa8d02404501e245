"""The request letter: its merge fields, the built-in wording, and what an office is told.

Checked and filled by the one merge engine (`common.merge`). Staff keep the
national wording (a `RequestTemplate` without a chapter); a chapter may keep
its own, which replaces the national one for its requests. What the letter
and the reply page say of the delegation is `public_delegation`: first name,
last initial, town and "constituent" where true — never an address, an email
or a phone number.
"""

from dataclasses import dataclass

from django.db.models import Q

from common.merge import MergeFields
from meetings.models import Meeting
from meetings.people import Delegate
from officerequests.models import RequestTemplate

LETTER_FIELDS = MergeFields(
    {
        "lawmaker": "the lawmaker, e.g. Senator Amy Larsen",
        "event": "the event's name",
        "date": "the event's date, e.g. Tuesday, March 3, 2026",
        "windows": "the proposed time(s), one a line",
        "delegation": "who would come: first name, last initial, town, constituent",
        "topics": "the asks that apply to this office, one a line",
        "chapter": "the chapter's name",
        "contact": "the chapter's contact for this request (name and email)",
    }
)

NATIONAL_SUBJECT = "Meeting request: {{ chapter }} during {{ event }}, {{ date }}"
NATIONAL_BODY = """Dear scheduler,

Advocates from {{ chapter }} will be on the Hill for {{ event }} on {{ date }}, and we would
be grateful for a short meeting with {{ lawmaker }} or the staff member who covers
immigration.

We would like to come at:
{{ windows }}

Who would come:
{{ delegation }}

What we hope to discuss:
{{ topics }}

If another time suits the office better, or a video or phone call, the link below lets you
tell us in a minute. You can also reach {{ contact }}.

Thank you for your time,
{{ chapter }}
"""


@dataclass(frozen=True)
class Wording:
    subject: str
    body: str
    source: str  # "chapter" or "national" or "built-in"


def wording_for(chapter_id: int | None, templates: dict[int | None, RequestTemplate]) -> Wording:
    """The chapter's own wording, else the national one, else the built-in text."""
    for key, source in ((chapter_id, "chapter"), (None, "national")):
        template = templates.get(key)
        if template is not None:
            return Wording(template.subject, template.body, source)
    return Wording(NATIONAL_SUBJECT, NATIONAL_BODY, "built-in")


def templates_for(chapter_ids) -> dict[int | None, RequestTemplate]:
    """The national template and these chapters' own, by chapter id (None: national)."""
    rows = RequestTemplate.objects.filter(Q(chapter__isnull=True) | Q(chapter_id__in=chapter_ids))
    return {row.chapter_id: row for row in rows}


def public_name(delegate: Delegate) -> str:
    """First name, last initial, town, and "constituent" where true."""
    user = delegate.user
    initial = f" {user.last_name[:1]}." if user.last_name else ""
    parts = [f"{user.first_name or 'A member'}{initial}"]
    profile = getattr(user, "profile", None)
    if profile is not None and profile.city:
        parts.append(profile.city)
    if delegate.seat is not None and delegate.seat.is_constituent:
        parts.append("constituent")
    return ", ".join(parts)


def window_text(meeting: Meeting) -> str:
    local = meeting.event.local
    return f"{local(meeting.starts_at):%-I:%M} to {local(meeting.ends_at):%-I:%M %p}"


def letter_values(
    *, meetings: list[Meeting], delegations: dict, asks: dict, contact: str
) -> dict[str, str]:
    """The merge values for one office: every meeting the chapter asks of it in the event."""
    first = meetings[0]
    people: dict[str, None] = {}
    topics: dict[str, None] = {}
    for meeting in meetings:
        for delegate in delegations.get(meeting.pk, []):
            people.setdefault(public_name(delegate))
        for applied in asks.get(meeting.pk, []):
            topics.setdefault(applied.ask.title)
    lawmaker = first.lawmaker
    return {
        "lawmaker": f"{lawmaker.title} {lawmaker.full_name}",
        "event": first.event.name,
        "date": f"{first.event.date:%A, %B %-d, %Y}",
        "windows": "\n".join(f"- {window_text(m)}" for m in meetings),
        "delegation": "\n".join(f"- {name}" for name in people) or "- to be confirmed",
        "topics": "\n".join(f"- {title}" for title in topics) or "- immigration",
        "chapter": first.chapter.name,
        "contact": contact,
    }

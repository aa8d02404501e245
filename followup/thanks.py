"""Thank-you notes to the offices met: drafted from the report, edited and sent by the lead."""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from common.merge import MergeError, MergeFields, has_merge_syntax
from followup.models import LetterKind, LetterTemplate, NoteStatus, ThankYouNote
from meetings.models import Meeting
from outbox import services as outbox

logger = logging.getLogger(__name__)

THANK_YOU_FIELDS = MergeFields(
    {
        "staffer_name": "the person we met (from the report)",
        "staffer_title": "their title",
        "lawmaker": "the lawmaker, with title",
        "chapter_name": "our chapter",
        "chapter_state": "the chapter's states",
        "meeting_date": "the day we met",
        "asks": "what we asked, one a line",
        "promised": "what we promised to send (questions to answer)",
        "commitments": "what the office committed to",
        "lead_name": "the lead advocate",
    }
)

DEFAULT_SUBJECT = "Thank you for meeting {{ chapter_name }} on {{ meeting_date }}"
DEFAULT_BODY = """Dear {{ staffer_name }},

Thank you for taking the time to meet advocates from {{ chapter_name }} ({{ chapter_state }}) \
about immigration on {{ meeting_date }}. We were glad to talk with the office of {{ lawmaker }}.

We asked:
{{ asks }}

As promised, we will follow up on:
{{ promised }}

We noted that the office will:
{{ commitments }}

Please reach out whenever we can help: our members practise immigration law in your state \
and are glad to be a resource.

With thanks,
{{ lead_name }}
{{ chapter_name }}
"""


class ThankYouError(Exception):
    pass


def letter_template(kind: str = LetterKind.THANK_YOU) -> LetterTemplate:
    """The staff's template, or the built-in one (unsaved) while they have not edited it."""
    return LetterTemplate.objects.filter(kind=kind).first() or LetterTemplate(
        kind=kind, subject=DEFAULT_SUBJECT, body=DEFAULT_BODY
    )


def merge_values(meeting: Meeting) -> dict:
    report = getattr(meeting, "report", None)
    lawmaker = meeting.lawmaker
    asks = []
    if report is not None:
        for position in report.positions.select_related("ask").all():
            asks.append(f"- {position.ask}")
    lead = meeting.lead
    return {
        "staffer_name": (report.met_name if report and report.met_name else "")
        or meeting.contact_name
        or "friends",
        "staffer_title": report.met_title if report else "",
        "lawmaker": f"{lawmaker.title} {lawmaker.full_name}",
        "chapter_name": meeting.chapter.name,
        "chapter_state": ", ".join(meeting.chapter.state_codes),
        "meeting_date": f"{meeting.event.local(meeting.starts_at):%B %-d, %Y}",
        "asks": "\n".join(asks) or "- our asks for this year's Day of Action",
        "promised": (report.questions_promised if report else "") or "- anything you asked us",
        "commitments": (report.commitments if report else "") or "- (nothing noted)",
        "lead_name": (lead.full_name or lead.email) if lead else meeting.chapter.name,
    }


def _merged(template: LetterTemplate, values: dict) -> tuple[str, str]:
    try:
        return (
            THANK_YOU_FIELDS.render(template.subject, values),
            THANK_YOU_FIELDS.render(template.body, values),
        )
    except MergeError as error:
        # A template saved before fields were checked this strictly: the lead gets the
        # built-in letter rather than a draft with a field written out literally.
        logger.warning("The thank-you template cannot be used: %s", error)
        return (
            THANK_YOU_FIELDS.render(DEFAULT_SUBJECT, values),
            THANK_YOU_FIELDS.render(DEFAULT_BODY, values),
        )


def thank_you_draft(*, meeting: Meeting) -> ThankYouNote:
    """The note for this meeting, drafted from the report the first time it is asked for."""
    existing = ThankYouNote.objects.filter(meeting=meeting).first()
    if existing is not None:
        return existing
    meeting = Meeting.objects.select_related("lawmaker", "chapter", "event", "lead").get(
        pk=meeting.pk
    )
    values = merge_values(meeting)
    subject, body = _merged(letter_template(), values)
    try:
        with transaction.atomic():
            return ThankYouNote.objects.create(
                meeting=meeting, to=meeting.contact_email, subject=subject, body=body
            )
    except IntegrityError:
        return ThankYouNote.objects.get(meeting=meeting)


def thank_you_save(*, note: ThankYouNote, to: str, subject: str, body: str) -> ThankYouNote:
    with transaction.atomic():
        note = ThankYouNote.objects.select_for_update().get(pk=note.pk)
        if note.status == NoteStatus.SENT:
            raise ThankYouError("This note has been sent; it can no longer be changed.")
        note.to, note.subject, note.body = to, subject, body
        note.save(update_fields=["to", "subject", "body", "updated_at"])
    return note


def thank_you_send(*, note: ThankYouNote, by, to: str, subject: str, body: str) -> ThankYouNote:
    """Save the lead's last edits and send the note through the outbox, once."""
    if not to:
        raise ThankYouError("Give the office contact's email address.")
    if has_merge_syntax(subject) or has_merge_syntax(body):
        raise ThankYouError(
            "The note still has a merge field or braces in it: write it out before sending."
        )
    with transaction.atomic():
        note = ThankYouNote.objects.select_for_update().select_related("meeting").get(pk=note.pk)
        if note.status == NoteStatus.SENT:
            raise ThankYouError("This note was sent already.")
        email = outbox.email_queue(
            to=to,
            kind="followup.thank_you",
            key=f"followup.thank_you:{note.meeting_id}",
            subject=subject,
            body_text=body,
            reply_to=by.email,
            topic=f"meeting:{note.meeting_id}",
            about=note,
        )
        note.to, note.subject, note.body = to, subject, body
        note.status = NoteStatus.SENT
        note.email = email
        note.sent_by = by
        note.sent_at = timezone.now()
        note.save()
    return note


def letter_template_save(*, subject: str, body: str, by) -> LetterTemplate:
    THANK_YOU_FIELDS.check(subject)
    THANK_YOU_FIELDS.check(body)
    with transaction.atomic():
        template, _ = LetterTemplate.objects.select_for_update().get_or_create(
            kind=LetterKind.THANK_YOU, defaults={"subject": subject, "body": body}
        )
        template.subject, template.body, template.updated_by = subject, body, by
        template.save()
    return template

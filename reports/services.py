"""Writes for meeting reports: save a draft, file it, keep every later change."""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from meetings.models import Meeting, MeetingStatus
from meetings.services import meeting_set_status
from members.models import User
from reports.access import may_file_report
from reports.models import (
    AskPosition,
    FollowUpItem,
    MeetingReport,
    ReportEdit,
    ReportStatus,
)
from reports.signals import report_filed

logger = logging.getLogger(__name__)


class ReportError(Exception):
    """A report that cannot be saved or filed; the message says why."""


REPORT_FIELDS = (
    "met_with",
    "met_name",
    "met_title",
    "concerns",
    "questions_promised",
    "commitments",
    "notes",
)
UNREPORTABLE = {
    MeetingStatus.REQUESTED: "The meeting was never scheduled: there is nothing to file yet.",
    MeetingStatus.CANCELLED: "The meeting was cancelled: there is nothing to file.",
}


def filing_refusal(*, meeting: Meeting, user: User) -> str | None:
    """Why this person cannot file the report now, or None: the one rule, for the page too."""
    if meeting.status in UNREPORTABLE:
        return UNREPORTABLE[meeting.status]
    if not may_file_report(user, meeting):
        lead = f"the lead, {meeting.lead}," if meeting.lead_id else "the meeting's lead"
        return (
            f"Only {lead} or the chapter's leaders can file this report; "
            "you can save it as a draft for them."
        )
    if timezone.now() < meeting.starts_at:
        start = meeting.event.local(meeting.starts_at)
        today = meeting.event.local(timezone.now()).date()
        day = "" if start.date() == today else f" on {start:%A, %B %-d}"
        return (
            f"You can file this report once the meeting has started at {start:%-I:%M %p}{day}. "
            "Until then you can save it as a draft."
        )
    return None


@dataclass(frozen=True)
class FollowUp:
    """One follow-up item as the form gives it; `pk` is None for a new one."""

    description: str
    owner_id: int | None = None
    due_date: datetime.date | None = None
    done: bool = False
    pk: int | None = None


def _locked_report(meeting: Meeting, by: User) -> MeetingReport:
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    report, _ = MeetingReport.objects.get_or_create(meeting=meeting, defaults={"started_by": by})
    return report


def _snapshot(report: MeetingReport) -> dict:
    return {
        **{name: getattr(report, name) for name in REPORT_FIELDS},
        "attendees": sorted(report.attendees.values_list("pk", flat=True)),
        "positions": {
            str(ask): [position, note]
            for ask, position, note in report.positions.values_list("ask_id", "position", "note")
        },
        "follow_up_items": sorted(
            [description, owner_id, due.isoformat() if due else None, done is not None]
            for description, owner_id, due, done in report.follow_up_items.values_list(
                "description", "owner_id", "due_date", "done_at"
            )
        ),
    }


def _save_positions(report: MeetingReport, positions: dict[int, tuple[str, str]]) -> None:
    existing = {position.ask_id: position for position in report.positions.all()}
    for ask_id, (value, note) in positions.items():
        if not value:
            if ask_id in existing:
                existing[ask_id].delete()
            continue
        if ask_id in existing:
            position = existing[ask_id]
            if (position.position, position.note) != (value, note):
                position.position, position.note = value, note
                position.save(update_fields=["position", "note"])
        else:
            AskPosition.objects.create(report=report, ask_id=ask_id, position=value, note=note)


def _save_follow_ups(report: MeetingReport, items: list[FollowUp]) -> list[int]:
    existing = {item.pk: item for item in report.follow_up_items.all()}
    kept = []
    now = timezone.now()
    for wanted in items:
        item = existing.get(wanted.pk) if wanted.pk else None
        if item is None:
            item = FollowUpItem(report=report)
        item.description = wanted.description
        item.owner_id = wanted.owner_id
        item.due_date = wanted.due_date
        if wanted.done and item.done_at is None:
            item.done_at = now
        elif not wanted.done:
            item.done_at = None
        item.save()
        kept.append(item.pk)
    report.follow_up_items.exclude(pk__in=kept).delete()
    return kept


def _changes(before: dict, after: dict) -> dict:
    return {key: [before[key], after[key]] for key in after if before[key] != after[key]}


def report_save(
    *,
    meeting: Meeting,
    by: User,
    fields: dict,
    attendee_ids: list[int],
    positions: dict[int, tuple[str, str]],
    follow_ups: list[FollowUp],
    file: bool = False,
) -> MeetingReport:
    """Save the report as the delegation wrote it; `file=True` files it.

    A draft is simply overwritten. Once filed, each save that changes something
    is kept as a `ReportEdit` naming who changed what, and when.
    """
    if file:
        refusal = filing_refusal(meeting=meeting, user=by)
        if refusal:
            raise ReportError(refusal)
        if not attendee_ids:
            raise ReportError("Tick at least one person who attended before filing.")
    with transaction.atomic():
        report = _locked_report(meeting, by)
        if (file or report.is_filed) and not fields.get("met_with", report.met_with):
            raise ReportError("Say whom you met (the lawmaker, staff or both) before filing.")
        before = _snapshot(report) if report.is_filed else None
        for name in REPORT_FIELDS:
            if name in fields:
                setattr(report, name, fields[name])
        first_filing = file and not report.is_filed
        if first_filing:
            report.status = ReportStatus.FILED
            report.filed_by = by
            report.filed_at = timezone.now()
        report.save()
        report.attendees.set(attendee_ids)
        _save_positions(report, positions)
        # The page keeps these ids so the next autosave updates rather than adds.
        report.saved_follow_up_ids = _save_follow_ups(report, follow_ups)
        if before is not None:
            changed = _changes(before, _snapshot(report))
            if changed:
                ReportEdit.objects.create(
                    report=report,
                    edited_by=by,
                    summary="Changed " + ", ".join(name.replace("_", " ") for name in changed),
                    fields=changed,
                )
        if first_filing:
            _mark_meeting_held(meeting, by)
            transaction.on_commit(lambda: _announce_filing(report))
    return report


def _mark_meeting_held(meeting: Meeting, by: User) -> None:
    """A filed report says the meeting took place: a scheduled or confirmed one is now held."""
    if meeting.status in (MeetingStatus.SCHEDULED, MeetingStatus.CONFIRMED):
        meeting_set_status(meeting=meeting, status=MeetingStatus.HELD, by=by)


def _announce_filing(report: MeetingReport) -> None:
    # The report is saved whatever a listener does: a failing one is logged, never a 500.
    for receiver, result in report_filed.send_robust(sender=MeetingReport, report=report):
        if isinstance(result, Exception):
            logger.error(
                "report_filed receiver %r failed for report %s",
                receiver,
                report.pk,
                exc_info=(type(result), result, result.__traceback__),
            )

"""Writes for meetings: scheduling by leaders, with conflicts caught and every change kept."""

import datetime

from django.db import transaction
from django.utils import timezone

from chapters.models import Chapter
from events.models import Event
from lawmakers.models import Lawmaker
from meetings.models import (
    ACTIVE_MEETING_STATUSES,
    Meeting,
    MeetingChange,
    MeetingStatus,
)
from meetings.signals import meeting_changed
from members.models import User


class MeetingError(Exception):
    """A meeting that cannot be scheduled or changed; the message says why."""


# Which status may follow which: a meeting's life, plus the ways it ends early.
NEXT_STATUSES = {
    MeetingStatus.REQUESTED: {MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED},
    MeetingStatus.SCHEDULED: {
        MeetingStatus.CONFIRMED,
        MeetingStatus.REQUESTED,
        MeetingStatus.CANCELLED,
        MeetingStatus.HELD,
        MeetingStatus.NO_SHOW,
    },
    MeetingStatus.CONFIRMED: {
        MeetingStatus.HELD,
        MeetingStatus.SCHEDULED,
        MeetingStatus.CANCELLED,
        MeetingStatus.NO_SHOW,
    },
    MeetingStatus.HELD: {MeetingStatus.CONFIRMED},
    MeetingStatus.CANCELLED: {MeetingStatus.REQUESTED, MeetingStatus.SCHEDULED},
    MeetingStatus.NO_SHOW: {MeetingStatus.CONFIRMED, MeetingStatus.HELD},
}

TRACKED_FIELDS = (
    "lawmaker_id",
    "starts_at",
    "ends_at",
    "building",
    "room",
    "location_note",
    "kind",
    "contact_name",
    "contact_email",
    "seats",
    "reserved_for_constituents",
    "reserved_for_first_timers",
    "lead_id",
    "note_taker_id",
    "signup_closed",
    "keep",
    "notes",
)
# Changes the people in the meeting must hear about.
NOTIFY_FIELDS = {"starts_at", "ends_at", "building", "room", "status"}


def office_conflicts(*, meeting: Meeting) -> tuple[list[str], list[str]]:
    """(errors, warnings) about scheduling this meeting with this office in this event."""
    errors, warnings = [], []
    event = meeting.event
    if meeting.ends_at <= meeting.starts_at:
        errors.append("The meeting must end after it starts.")
    elif meeting.starts_at < event.starts_at or meeting.ends_at > event.ends_at:
        local = event.local
        errors.append(
            f"The meeting must fall within the day of the event, {event.date:%B %-d}, "
            f"between {local(event.starts_at):%-I:%M %p} and {local(event.ends_at):%-I:%M %p}."
        )
    if meeting.seats < meeting.seats_taken:
        errors.append(
            f"{meeting.seats_taken} people already have a seat: the meeting needs at least "
            f"{meeting.seats_taken} seats."
        )
    if meeting.reserved_for_constituents + meeting.reserved_for_first_timers > meeting.seats:
        errors.append("More seats are reserved than the meeting has.")
    same_office = (
        Meeting.objects.filter(
            event=event, lawmaker=meeting.lawmaker, status__in=ACTIVE_MEETING_STATUSES
        )
        .exclude(pk=meeting.pk)
        .select_related("chapter")
    )
    for other in same_office:
        if other.starts_at < meeting.ends_at and meeting.starts_at < other.ends_at:
            errors.append(
                f"{meeting.lawmaker} already has a meeting from "
                f"{event.local(other.starts_at):%-I:%M} to {event.local(other.ends_at):%-I:%M %p}"
                f" ({other.chapter})."
            )
        elif other.chapter_id != meeting.chapter_id:
            warnings.append(
                f"{other.chapter} also has a meeting with {meeting.lawmaker} in this event. "
                "Offices dislike two requests from one organisation: agree with their leaders "
                "which one goes ahead, or join theirs."
            )
    return errors, warnings


def _validate(meeting: Meeting) -> list[str]:
    errors, warnings = office_conflicts(meeting=meeting)
    if errors:
        raise MeetingError(" ".join(errors))
    return warnings


@transaction.atomic
def meeting_create(
    *,
    event: Event,
    chapter: Chapter,
    lawmaker: Lawmaker,
    starts_at: datetime.datetime,
    minutes: int | None = None,
    by: User | None,
    **fields,
) -> tuple[Meeting, list[str]]:
    """Schedule a meeting; the place is filled in from the office unless given."""
    minutes = minutes or event.default_meeting_minutes
    # Lock the office's meetings in this event so two leaders cannot book one slot at once.
    list(Meeting.objects.select_for_update().filter(event=event, lawmaker=lawmaker))
    meeting = Meeting(
        event=event,
        chapter=chapter,
        lawmaker=lawmaker,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=minutes),
        building=fields.pop("building", "") or lawmaker.office_building,
        room=fields.pop("room", "") or lawmaker.office_room,
        created_by=by,
        **fields,
    )
    warnings = _validate(meeting)
    meeting.save()
    MeetingChange.objects.create(meeting=meeting, changed_by=by, summary="Meeting created")
    return meeting, warnings


@transaction.atomic
def meeting_update(*, meeting: Meeting, by: User | None, **changes) -> list[str]:
    """Change a meeting; returns warnings. Every change is kept with who and when."""
    locked = (
        Meeting.objects.select_for_update().select_related("event", "lawmaker").get(pk=meeting.pk)
    )
    list(
        Meeting.objects.select_for_update().filter(
            event=locked.event_id, lawmaker=changes.get("lawmaker", locked.lawmaker)
        )
    )
    before = {name: getattr(locked, name) for name in TRACKED_FIELDS}
    for name, value in changes.items():
        setattr(locked, name, value)
    warnings = _validate(locked)
    after = {name: getattr(locked, name) for name in TRACKED_FIELDS}
    changed = {
        name: [_plain(before[name]), _plain(after[name])]
        for name in TRACKED_FIELDS
        if before[name] != after[name]
    }
    if not changed:
        return warnings
    locked.save()
    MeetingChange.objects.create(
        meeting=locked,
        changed_by=by,
        summary="Changed " + ", ".join(_label(name) for name in changed),
        fields=changed,
    )
    _announce(locked, changed)
    meeting.refresh_from_db()
    return warnings


@transaction.atomic
def meeting_set_status(*, meeting: Meeting, status: str, by: User | None) -> Meeting:
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if status == locked.status:
        return locked
    if status not in NEXT_STATUSES.get(locked.status, set()):
        raise MeetingError(
            f"A {locked.get_status_display().lower()} meeting cannot become "
            f"{MeetingStatus(status).label.lower()}."
        )
    old = locked.status
    locked.status = status
    locked.save(update_fields=["status", "updated_at"])
    MeetingChange.objects.create(
        meeting=locked,
        changed_by=by,
        summary=f"Status: {MeetingStatus(old).label} → {MeetingStatus(status).label}",
        fields={"status": [old, status]},
    )
    _announce(locked, {"status": [old, status]})
    return locked


def _announce(meeting: Meeting, changed: dict) -> None:
    if NOTIFY_FIELDS & changed.keys():
        transaction.on_commit(
            lambda: meeting_changed.send(sender=Meeting, meeting=meeting, fields=changed)
        )


def _plain(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    return value


def _label(name: str) -> str:
    return Meeting._meta.get_field(name.removesuffix("_id")).verbose_name

"""Writes for meetings: scheduling by leaders, with conflicts caught and every change kept."""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.defaultfilters import pluralize
from django.utils import timezone

from chapters.models import Chapter
from common.constraints import violated_constraint
from common.join_links import join_link_clean
from events.models import Event
from lawmakers.models import Lawmaker
from lawmakers.signals import OfficeMove
from meetings.clashes import seated_clashes
from meetings.models import (
    ACTIVE_MEETING_STATUSES,
    CALL_FIELDS,
    ONE_OFFICE_AT_A_TIME,
    Meeting,
    MeetingChange,
    MeetingMode,
    MeetingStatus,
)
from meetings.signals import days_changed, meeting_changed
from members.models import User

logger = logging.getLogger(__name__)


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
    *CALL_FIELDS,
)
# Changes the people in the meeting must hear about (a new join link too).
NOTIFY_FIELDS = {"starts_at", "ends_at", "building", "room", "status", *CALL_FIELDS} - {
    "line_host"
}
# Changes that can leave a seated person too little time to walk between meetings.
WALKING_FIELDS = {"starts_at", "ends_at", "building", "room", "lawmaker_id", "mode"}


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
        taken = meeting.seats_taken
        who = (
            "1 person already has a seat" if taken == 1 else f"{taken} people already have a seat"
        )
        errors.append(f"{who}: the meeting needs at least {taken} seat{pluralize(taken)}.")
    if meeting.reserved_for_constituents + meeting.reserved_for_first_timers > meeting.seats:
        errors.append("More seats are reserved than the meeting has.")
    # An office is in one place at a time whatever the event (the database's rule too);
    # other chapters' meetings in this event only earn a warning.
    same_office = (
        Meeting.objects.filter(lawmaker=meeting.lawmaker, status__in=ACTIVE_MEETING_STATUSES)
        .filter(Q(event=event) | Q(starts_at__lt=meeting.ends_at, ends_at__gt=meeting.starts_at))
        .exclude(pk=meeting.pk)
        .select_related("chapter")
    )
    for other in same_office:
        if other.starts_at < meeting.ends_at and meeting.starts_at < other.ends_at:
            errors.append(_overlap_message(meeting, other))
        elif other.chapter_id != meeting.chapter_id:
            warnings.append(
                f"{other.chapter} also has a meeting with {meeting.lawmaker} in this event. "
                "Offices dislike two requests from one organisation: agree with their leaders "
                "which one goes ahead, or join theirs."
            )
    warnings += programme_overlaps(meeting=meeting)
    return errors, warnings


def programme_overlaps(*, meeting: Meeting) -> list[str]:
    """The day's programme items everyone attends that this meeting overlaps (a warning:
    the planner never books over them; an office's own time may still force one)."""
    event = meeting.event
    local = event.local
    return [
        f"This meeting overlaps {item.title} ({local(item.starts_at):%-I:%M} to "
        f"{local(item.ends_at):%-I:%M %p}), which everyone attends: choose another time "
        "if the office allows."
        for item in event.programme_items.filter(everyone=True)
        if item.starts_at < meeting.ends_at and meeting.starts_at < item.ends_at
    ]


def _overlap_message(meeting: Meeting, other: Meeting) -> str:
    local = meeting.event.local
    return (
        f"{meeting.lawmaker} already has a meeting from {local(other.starts_at):%-I:%M} to "
        f"{local(other.ends_at):%-I:%M %p} ({other.chapter})."
    )


def line_errors(meeting: Meeting) -> list[str]:
    """What is wrong with how the meeting is joined (the database refuses it too)."""
    errors = []
    if meeting.mode == MeetingMode.IN_PERSON and (
        meeting.join_url or meeting.phone_number or meeting.huddle_url
    ):
        errors.append("A meeting in the office has no join link or dial-in number.")
    if meeting.mode == MeetingMode.PHONE and not meeting.phone_number.strip():
        errors.append("A phone meeting needs the number to dial.")
    for url in (meeting.join_url, meeting.huddle_url):
        if url:
            try:
                join_link_clean(url)
            except ValidationError as error:
                errors.extend(error.messages)
    return errors


def _validate(meeting: Meeting) -> list[str]:
    errors, warnings = office_conflicts(meeting=meeting)
    errors += line_errors(meeting)
    if errors:
        raise MeetingError(" ".join(errors))
    return warnings


def _save_holding_the_office(meeting: Meeting, **save_options) -> None:
    """Save; another booking of the office committed since we checked is refused as a conflict.

    The exclusion constraint makes a second booking wait for the first to commit,
    then fail; the check run again then sees the first and names it.
    """
    try:
        with transaction.atomic():
            meeting.save(**save_options)
    except IntegrityError as error:
        if violated_constraint(error) != ONE_OFFICE_AT_A_TIME:
            raise
        errors, _ = office_conflicts(meeting=meeting)
        raise MeetingError(
            " ".join(errors) or f"{meeting.lawmaker} already has a meeting at that time."
        ) from None


def _office_place(fields: dict, office_value: str) -> str:
    """The office's room for a visit; a call has no room."""
    in_person = fields.get("mode", MeetingMode.IN_PERSON) == MeetingMode.IN_PERSON
    return office_value if in_person else ""


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
    meeting = Meeting(
        event=event,
        chapter=chapter,
        lawmaker=lawmaker,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=minutes),
        building=fields.pop("building", "") or _office_place(fields, lawmaker.office_building),
        room=fields.pop("room", "") or _office_place(fields, lawmaker.office_room),
        created_by=by,
        **fields,
    )
    warnings = _validate(meeting)
    _save_holding_the_office(meeting)
    MeetingChange.objects.create(meeting=meeting, changed_by=by, summary="Meeting created")
    return meeting, warnings


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, by: User | None, announce: bool = True, source: str = "", **changes
) -> list[str]:
    """Change a meeting; returns warnings. Every change is kept with who and when.

    `announce=False`: the caller tells the people seated itself (`days_changed_announce`).
    `source` says in the history where the change came from ("by the office").
    """
    locked = (
        Meeting.objects.select_for_update().select_related("event", "lawmaker").get(pk=meeting.pk)
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
    _save_holding_the_office(locked)
    if WALKING_FIELDS & changed.keys():
        clashes = seated_clashes(event=locked.event, meetings=[locked]).get(locked.pk, [])
        warnings += [clash.text for clash in clashes]
    MeetingChange.objects.create(
        meeting=locked,
        changed_by=by,
        summary=_with_source("Changed " + ", ".join(_label(name) for name in changed), source),
        fields=changed,
    )
    if announce:
        _announce(locked, changed)
    meeting.refresh_from_db()
    return warnings


@transaction.atomic
def meeting_set_status(
    *, meeting: Meeting, status: str, by: User | None, announce: bool = True, source: str = ""
) -> Meeting:
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
    if status in ACTIVE_MEETING_STATUSES and old not in ACTIVE_MEETING_STATUSES:
        # Back from cancelled or no-show: the slot may have gone to someone else meanwhile.
        _validate(locked)
    _save_holding_the_office(locked, update_fields=["status", "updated_at"])
    MeetingChange.objects.create(
        meeting=locked,
        changed_by=by,
        summary=_with_source(
            f"Status: {MeetingStatus(old).label} → {MeetingStatus(status).label}", source
        ),
        fields={"status": [old, status]},
    )
    if announce:
        _announce(locked, {"status": [old, status]})
    return locked


def meetings_log(*, meetings, by: User | None, summary: str) -> None:
    """Record on each meeting something that happened to it without changing it (a request
    sent to the office, say), in its history with who and when: one query for any number."""
    MeetingChange.objects.bulk_create(
        [
            MeetingChange(meeting=meeting, changed_by=by, summary=summary[:300])
            for meeting in meetings
        ]
    )


def meetings_follow_office_moves(*, moves: list[OfficeMove]) -> int:
    """Upcoming meetings placed in an office's old room move with the office.

    Each goes through `meeting_update`, so the change is kept in the meeting's
    history and the people seated hear of it the way they hear of a leader's
    edit. A meeting placed elsewhere (a committee room, the cafeteria) stays.
    Returns how many meetings moved.
    """
    moved = 0
    for move in moves:
        meetings = Meeting.objects.upcoming().filter(
            lawmaker_id=move.lawmaker_id, building=move.old_building, room=move.old_room
        )
        for meeting in meetings:
            try:
                meeting_update(
                    meeting=meeting, by=None, building=move.new_building, room=move.new_room
                )
            except MeetingError as error:  # the event's hours changed since: leaders fix it
                logger.warning("meeting %s stays in the old room: %s", meeting.pk, error)
            else:
                moved += 1
    return moved


def days_changed_announce(*, event: Event, user_ids) -> None:
    """After commit, each of these people hears once that their day in the event changed.

    For writes that change many people's meetings together (a plan accepted): their
    seats and meetings were changed with `announce=False`, and one notice per person,
    with their whole day, replaces one per seat.
    """
    user_ids = sorted(set(user_ids))
    if user_ids:
        transaction.on_commit(
            lambda: days_changed.send(sender=Meeting, event=event, user_ids=user_ids)
        )


def _announce(meeting: Meeting, changed: dict) -> None:
    if NOTIFY_FIELDS & changed.keys():
        transaction.on_commit(
            lambda: meeting_changed.send(sender=Meeting, meeting=meeting, fields=changed)
        )


def _with_source(summary: str, source: str) -> str:
    return f"{summary} ({source})" if source else summary


def _plain(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    return value


def _label(name: str) -> str:
    return Meeting._meta.get_field(name.removesuffix("_id")).verbose_name

"""An office's answer to a request: through its signed link, or recorded by a leader.

Every answer goes through `meetings.services` (status, time, kind), so the
meeting's history says it came from the office, the people seated hear of a
new time or status and their calendars follow. An answer can be changed: each
change is logged again.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from common.join_links import own_room_available, own_room_new
from meetings.models import LineHost, Meeting, MeetingKind, MeetingMode, MeetingStatus
from meetings.services import MeetingError, meeting_set_status, meeting_update, meetings_log
from members.models import User
from officerequests.models import Answer, AnsweredHow, MeetingRequest

VIDEO_NOTE = "By video or phone, as the office asked."
# The way from any status to the one an answer means, through the meeting's life.
PATHS = {
    MeetingStatus.CONFIRMED: {
        MeetingStatus.REQUESTED: [MeetingStatus.SCHEDULED, MeetingStatus.CONFIRMED],
        MeetingStatus.SCHEDULED: [MeetingStatus.CONFIRMED],
        MeetingStatus.CANCELLED: [MeetingStatus.SCHEDULED, MeetingStatus.CONFIRMED],
    },
    MeetingStatus.SCHEDULED: {
        MeetingStatus.REQUESTED: [MeetingStatus.SCHEDULED],
        MeetingStatus.CONFIRMED: [MeetingStatus.SCHEDULED],
        MeetingStatus.CANCELLED: [MeetingStatus.SCHEDULED],
    },
    MeetingStatus.CANCELLED: {
        MeetingStatus.REQUESTED: [MeetingStatus.CANCELLED],
        MeetingStatus.SCHEDULED: [MeetingStatus.CANCELLED],
        MeetingStatus.CONFIRMED: [MeetingStatus.CANCELLED],
    },
}
TARGET = {
    Answer.ACCEPT: MeetingStatus.CONFIRMED,
    Answer.OTHER_TIME: MeetingStatus.CONFIRMED,
    Answer.STAFF: MeetingStatus.CONFIRMED,
    Answer.VIDEO: MeetingStatus.SCHEDULED,
    Answer.DECLINE: MeetingStatus.CANCELLED,
}


class ReplyError(Exception):
    """An answer that cannot be taken; the message says why, for the office."""


def cancelled_by_us(meeting: Meeting) -> bool:
    """Cancelled by the chapter (not by the office's decline): there is nothing to answer."""
    request = getattr(meeting, "request", None)
    declined = request is not None and request.answer == Answer.DECLINE
    return meeting.status == MeetingStatus.CANCELLED and not declined


def proposed_start(meeting: Meeting, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(meeting.event.date, time, tzinfo=meeting.event.zone)


@transaction.atomic
def reply_record(
    *,
    meeting: Meeting,
    answer: str,
    how: str,
    by: User | None = None,
    new_time: datetime.time | None = None,
    staff_name: str = "",
    join_url: str = "",
    now: datetime.datetime | None = None,
) -> Meeting:
    """Take the office's answer; raises ReplyError (nothing changed) when it cannot be."""
    now = now or timezone.now()
    meeting = (
        Meeting.objects.select_for_update().select_related("event", "lawmaker").get(pk=meeting.pk)
    )
    if cancelled_by_us(meeting):
        raise ReplyError(
            f"{meeting.chapter} cancelled this meeting: there is nothing left to answer. "
            "Thank you all the same."
        )
    if meeting.status not in (*PATHS[MeetingStatus.CONFIRMED], MeetingStatus.CONFIRMED):
        raise ReplyError("This meeting has already taken place.")
    request, _ = MeetingRequest.objects.select_for_update().get_or_create(meeting=meeting)
    source = "by the office" if how == AnsweredHow.LINK else f"the office's answer by {how}"
    changes = {}
    if answer == Answer.OTHER_TIME:
        starts_at = proposed_start(meeting, new_time)
        if starts_at <= now:
            raise ReplyError("That time has already passed: please propose a later one.")
        changes = {
            "starts_at": starts_at,
            "ends_at": starts_at + (meeting.ends_at - meeting.starts_at),
        }
    elif answer == Answer.STAFF:
        changes = {"kind": MeetingKind.STAFF, "contact_name": staff_name.strip()}
    elif answer == Answer.VIDEO:
        changes = {"location_note": VIDEO_NOTE, **_call(meeting, join_url)}
    try:
        if meeting.status == MeetingStatus.CANCELLED and answer != Answer.DECLINE:
            _walk(meeting, TARGET[answer], by=by, source=source)
            meeting.refresh_from_db()
        if changes:
            meeting_update(meeting=meeting, by=by, source=source, **changes)
        _walk(meeting, TARGET[answer], by=by, source=source)
    except MeetingError as error:
        raise ReplyError(str(error)) from None
    changed = bool(request.answer)
    request.answer, request.answered_at, request.answered_how = answer, now, how
    request.staff_name = staff_name.strip() if answer == Answer.STAFF else ""
    request.save(update_fields=["answer", "answered_at", "answered_how", "staff_name"])
    label = Answer(answer).label
    meetings_log(
        meetings=[meeting],
        by=by,
        summary=f"{'Answer changed' if changed else 'Answered'} ({source}): {label}",
    )
    meeting.refresh_from_db()
    return meeting


def _call(meeting: Meeting, join_url: str) -> dict:
    """A meeting the office wants by video: on its line when it sends a link (its link wins
    over ours), else on ours, in a room of our own when we have a video server."""
    if join_url:
        return {
            "mode": MeetingMode.VIDEO,
            "building": "",
            "room": "",
            "line_host": LineHost.OFFICE,
            "join_url": join_url,
        }
    if meeting.is_remote:
        return {}
    room = own_room_new().url if own_room_available() else ""
    return {
        "mode": MeetingMode.VIDEO,
        "building": "",
        "room": "",
        "line_host": LineHost.OURS,
        "join_url": room,
    }


def _walk(meeting: Meeting, target: str, *, by, source) -> None:
    current = Meeting.objects.values_list("status", flat=True).get(pk=meeting.pk)
    for status in PATHS[target].get(current, []):
        meeting_set_status(meeting=meeting, status=status, by=by, source=source)


def reply_opened(*, meeting: Meeting, now=None) -> None:
    """The office opened its link: the first time is kept."""
    MeetingRequest.objects.filter(meeting=meeting, opened_at__isnull=True).update(
        opened_at=now or timezone.now()
    )

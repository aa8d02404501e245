"""Emails that go at once: sign-up and registration confirmations, promotions, changes."""

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Registration
from meetings.calendar import calendar_for, calendar_seats, calendar_seats_by_person
from meetings.models import Meeting, MeetingStatus, Seat, SeatStatus
from members.models import User
from outbox import services as outbox

ICS = "text/calendar"


def _meeting_ics(*, seat: Seat) -> list[dict]:
    """The calendar entry of this one meeting (cancelled ones say so)."""
    seats = [s for s in calendar_seats(user=seat.user) if s.meeting_id == seat.meeting_id]
    if not seats:
        return []
    content = calendar_for(user=seat.user, seats=seats, site=settings.SITE_URL)
    return [{"filename": "meeting.ics", "content": content.decode(), "mimetype": ICS}]


def _notice(*, kind: str, key: str, seat: Seat, extra: dict | None = None, attach=True):
    meeting = seat.meeting
    outbox.email_queue(
        to=seat.user.email,
        kind=f"followup.{kind}",
        key=f"followup.{key}",
        template_prefix=f"followup/email/{kind}",
        context={
            "event_id": meeting.event_id,
            "meeting_id": meeting.pk,
            "user_id": seat.user_id,
            **(extra or {}),
        },
        attachments=_meeting_ics(seat=seat) if attach else [],
        topic=f"meeting:{meeting.pk}",
        about=seat,
    )


def seat_confirmation(*, seat: Seat) -> None:
    waitlisted = seat.status == SeatStatus.WAITLISTED
    _notice(
        kind="signed_up",
        key=f"signed_up:{seat.pk}",
        seat=seat,
        extra={"waitlisted": waitlisted},
        attach=not waitlisted,
    )


def promotion_notice(*, seat: Seat) -> None:
    _notice(kind="promoted", key=f"promoted:{seat.pk}", seat=seat)


def meeting_change_notices(*, meeting: Meeting, fields: dict) -> None:
    """Everyone with a confirmed seat hears of a move, a new room or a cancellation."""
    status = fields.get("status", [None, None])[1]
    if "status" in fields and status != MeetingStatus.CANCELLED and len(fields) == 1:
        return  # confirmed, held…: nothing for the participants to act on
    cancelled = status == MeetingStatus.CANCELLED
    stamp = int(timezone.now().timestamp() * 1000)
    seats = Seat.objects.filter(meeting=meeting, status=SeatStatus.CONFIRMED).select_related(
        "user", "meeting"
    )
    for seat in seats:
        _notice(
            kind="meeting_changed",
            key=f"meeting_changed:{meeting.pk}:{seat.user_id}:{stamp}",
            seat=seat,
            extra={"cancelled": cancelled, "fields": sorted(fields)},
        )


def day_changed_notices(*, event: Event, user_ids: list[int]) -> int:
    """One email per person whose day changed together with others' (a plan was accepted).

    It lists their whole day when it goes and carries every meeting of theirs in the
    event as one calendar file, in place of one notice per seat. Returns how many
    were queued.
    """
    stamp = int(timezone.now().timestamp() * 1000)
    seats = calendar_seats_by_person(event_id=event.pk, user_ids=user_ids)
    rows = []
    for user in User.objects.filter(pk__in=user_ids, is_active=True).order_by("pk"):
        mine = seats.get(user.pk, [])
        attachments = []
        if mine:
            content = calendar_for(user=user, seats=mine, site=settings.SITE_URL).decode()
            attachments = [{"filename": "my-day.ics", "content": content, "mimetype": ICS}]
        rows.append(
            {
                "to": user.email,
                "kind": "followup.day_changed",
                "key": f"followup.day_changed:{event.pk}:{user.pk}:{stamp}",
                "template_prefix": "followup/email/day_changed",
                "context": {"event_id": event.pk, "user_id": user.pk},
                "attachments": attachments,
                "topic": f"event:{event.pk}",
            }
        )
    return outbox.emails_queue_many(emails=rows)


def registration_confirmation(*, registration: Registration) -> None:
    """The registration's confirmation, unless it came with a seat (taking a seat registers).

    The seat's own confirmation names the event and carries the meeting's calendar entry:
    one email for one click, not two.
    """
    event = registration.event
    if Seat.objects.filter(
        user_id=registration.user_id,
        meeting__event=event,
        status__in=(SeatStatus.CONFIRMED, SeatStatus.WAITLISTED),
    ).exists():
        return
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Day of Action//Registration//EN")
    calendar.add("version", "2.0")
    entry = icalendar.Event()
    entry.add("uid", f"event-{event.pk}-{registration.user_id}@dayofaction")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.name)
    if event.briefing_venue:
        entry.add("location", event.briefing_venue)
    entry.add("url", settings.SITE_URL + reverse("events:detail", args=[event.slug]))
    calendar.add_component(entry)
    outbox.email_queue(
        to=registration.user.email,
        kind="followup.registered",
        key=f"followup.registered:{event.pk}:{registration.user_id}:{_stamp(registration)}",
        template_prefix="followup/email/registered",
        context={"event_id": event.pk, "user_id": registration.user_id},
        attachments=[
            {
                "filename": "day-of-action.ics",
                "content": calendar.to_ical().decode(),
                "mimetype": ICS,
            }
        ],
        topic=f"event:{event.pk}",
        about=registration,
    )


def _stamp(registration: Registration) -> str:
    """Registering again after withdrawing is a new registration: a new confirmation."""
    return str(int(registration.registered_at.timestamp()))

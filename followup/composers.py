"""What each reminder says, worked out when it goes out (registered with the outbox).

Each composer takes the stored context (ids) and returns the context to render,
or None when the email no longer applies: the outbox then cancels it.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from chapters.models import Chapter
from common.local_times import dual_time, for_template
from events.models import Event
from events.selectors import reader_zone_for, takes_part_in
from followup.tokens import seat_answer_url
from meetings.models import Meeting, MeetingStatus, Seat, SeatStatus
from meetings.selectors import chapter_meetings, itinerary
from members.models import User
from outbox import composers
from reports.models import FollowUpItem, ReportStatus

UNCONFIRMED = (MeetingStatus.REQUESTED, MeetingStatus.SCHEDULED)


def _link(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _times(moment, *, event: Event, person: User) -> dict:
    """A time for this reader: theirs (`local_start`) and, in words, the office's beside it."""
    zone = reader_zone_for(event=event, user=person)
    return {
        "local_start": for_template(moment, zone),
        "when": dual_time(
            moment, reader_zone=zone, place_zone=event.zone, place_label=event.place_label
        ),
        "reader_zone": zone,
    }


def _event_and_user(context: dict):
    event = Event.objects.filter(pk=context["event_id"]).first()
    user = User.objects.filter(pk=context["user_id"], is_active=True).first()
    return event, user


def _day(context: dict, *, with_answers: bool, even_empty: bool = False) -> dict | None:
    event, user = _event_and_user(context)
    if event is None or user is None:
        return None
    stops = [stop for stop in itinerary(event=event, user=user) if stop.meeting.is_active]
    if not stops and not even_empty:
        return None
    answers = {}
    if with_answers:
        for stop in stops:
            if stop.seat.status == SeatStatus.CONFIRMED:
                answers[stop.seat.pk] = {
                    action: seat_answer_url(
                        seat_id=stop.seat.pk,
                        user_id=user.pk,
                        action=action,
                        expires=stop.meeting.starts_at,
                    )
                    for action in ("confirm", "cancel")
                }
    return {
        "event": event,
        "person": user,
        "stops": [
            {
                "stop": stop,
                **_times(stop.meeting.starts_at, event=event, person=user),
                "answers": answers.get(stop.seat.pk),
            }
            for stop in stops
        ],
        "itinerary_url": _link("meetings:itinerary", event.slug),
    }


def day_before(context: dict) -> dict | None:
    return _day(context, with_answers=True)


def morning_of(context: dict) -> dict | None:
    return _day(context, with_answers=False)


def day_changed(context: dict) -> dict | None:
    """A plan changed the person's day: their day as it is when the email goes, even empty."""
    return _day(context, with_answers=False, even_empty=True)


def before_meeting(context: dict) -> dict | None:
    seat = (
        Seat.objects.filter(
            meeting_id=context["meeting_id"],
            user_id=context["user_id"],
            status=SeatStatus.CONFIRMED,
        )
        .select_related(
            "meeting__event", "meeting__lawmaker", "meeting__lead", "user", "user__profile"
        )
        .first()
    )
    if seat is None or not seat.meeting.is_active or seat.meeting.starts_at <= timezone.now():
        return None
    meeting = seat.meeting
    colleagues = [
        other.user
        for other in Seat.objects.filter(meeting=meeting, status=SeatStatus.CONFIRMED)
        .exclude(user_id=seat.user_id)
        .select_related("user")
    ]
    return {
        "event": meeting.event,
        "meeting": meeting,
        "person": seat.user,
        **_times(meeting.starts_at, event=meeting.event, person=seat.user),
        "colleagues": colleagues,
        "itinerary_url": _link("meetings:itinerary", meeting.event.slug),
    }


def seat_notice(context: dict) -> dict | None:
    """Sign-up, waitlist promotion, move and cancellation notices (sent at once)."""
    meeting = (
        Meeting.objects.select_related("event", "lawmaker", "lead")
        .filter(pk=context["meeting_id"])
        .first()
    )
    person = User.objects.filter(pk=context["user_id"]).first()
    if meeting is None or person is None:
        return None
    return {
        **context,
        "event": meeting.event,
        "meeting": meeting,
        "person": person,
        **_times(meeting.starts_at, event=meeting.event, person=person),
        "local_end": for_template(
            meeting.ends_at, reader_zone_for(event=meeting.event, user=person)
        ),
        "itinerary_url": _link("meetings:itinerary", meeting.event.slug),
    }


def registration(context: dict) -> dict | None:
    event, user = _event_and_user(context)
    if event is None or user is None:
        return None
    return {
        "event": event,
        "person": user,
        "event_url": _link("events:detail", event.slug),
        "signup_url": _link("meetings:open", event.slug),
    }


def leader_digest(context: dict) -> dict | None:
    event, user = _event_and_user(context)
    chapter = Chapter.objects.filter(pk=context["chapter_id"]).first()
    if event is None or user is None or chapter is None:
        return None
    meetings = list(
        chapter_meetings(event=event, chapter=chapter).filter(
            status__in=(*UNCONFIRMED, MeetingStatus.CONFIRMED)
        )
    )
    unconfirmed = [m for m in meetings if m.status in UNCONFIRMED]
    empty = [m for m in meetings if m.seats_taken < m.seats]
    notes = _digest_notes(event=event, chapter=chapter)
    if not unconfirmed and not empty and not notes:
        return None
    local = timezone.localdate(timezone.now(), event.zone)
    return {
        "event": event,
        "chapter": chapter,
        "person": user,
        "days_left": (event.date - local).days,
        "unconfirmed": [(m, event.local(m.starts_at)) for m in unconfirmed],
        "empty": [(m, event.local(m.starts_at)) for m in empty],
        "empty_seat_count": sum(m.seats - m.seats_taken for m in empty),
        "notes": notes,
        "board_url": _link("meetings:board", event.slug, chapter.slug),
    }


def _digest_notes(*, event: Event, chapter: Chapter) -> list[dict]:
    """What other apps add to the summary (`LEADER_DIGEST_NOTES`): they are above followup's
    reach on the app map, so they are named in settings, never imported."""
    return [
        note
        for path in getattr(settings, "LEADER_DIGEST_NOTES", [])
        if (note := import_string(path)(event=event, chapter=chapter))
    ]


def report_request(context: dict) -> dict | None:
    meeting = (
        Meeting.objects.select_related("event", "lawmaker", "lead", "report")
        .filter(pk=context["meeting_id"], lead_id=context["user_id"], status=MeetingStatus.HELD)
        .first()
    )
    if meeting is None:
        return None
    report = getattr(meeting, "report", None)
    if report is not None and report.status == ReportStatus.FILED:
        return None
    return {
        "meeting": meeting,
        "event": meeting.event,
        "person": meeting.lead,
        "number": context["number"],
        "local_start": meeting.event.local(meeting.starts_at),
        "report_url": _link("reports:report", meeting.pk),
    }


def feedback(context: dict) -> dict | None:
    event, user = _event_and_user(context)
    if event is None or user is None:
        return None
    if not takes_part_in(user, event):
        return None
    return {"event": event, "person": user, "feedback_url": _link("followup:feedback", event.slug)}


def item_due(context: dict) -> dict | None:
    item = (
        FollowUpItem.objects.select_related(
            "owner", "report__meeting__lawmaker", "report__meeting__event"
        )
        .filter(pk=context["item_id"], done_at__isnull=True)
        .first()
    )
    if item is None or item.owner is None:
        return None
    return {
        "item": item,
        "person": item.owner,
        "meeting": item.report.meeting,
        "report_url": _link("reports:report", item.report.meeting_id),
    }


def register_all() -> None:
    for kind, composer in {
        "day_before": day_before,
        "morning_of": morning_of,
        "before_meeting": before_meeting,
        "signed_up": seat_notice,
        "promoted": seat_notice,
        "meeting_changed": seat_notice,
        "day_changed": day_changed,
        "registered": registration,
        "leader_digest": leader_digest,
        "report_request": report_request,
        "feedback": feedback,
        "item_due": item_due,
    }.items():
        composers.register(f"followup.{kind}", composer)

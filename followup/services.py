"""Writes of the follow-up app: answers from reminder links, settings, feedback, nudges."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from events.models import Event
from followup import planning
from followup.models import EventFeedback, ReminderSettings, SeatConfirmation
from followup.tokens import read_seat_token
from meetings.models import Seat, SeatStatus
from meetings.seats import SeatError, seat_cancel
from outbox import services as outbox
from reports.models import FollowUpItem

PLAN_DAYS_AHEAD = 8
PLAN_DAYS_AFTER = 3


class FollowupError(Exception):
    pass


def seat_for_token(token: str) -> tuple[Seat, str]:
    """The seat a confirm-or-cancel link is about, and the action; FollowupError if it fails."""
    try:
        data = read_seat_token(token)
    except Exception as problem:
        raise FollowupError(str(problem)) from None
    seat = (
        Seat.objects.select_related("meeting__event", "meeting__lawmaker", "user")
        .filter(pk=data["seat"], user_id=data["user"])
        .first()
    )
    if seat is None:
        raise FollowupError("This seat no longer exists.")
    return seat, data["action"]


def seat_answer_confirm(*, seat: Seat, now: datetime.datetime | None = None) -> Seat:
    if seat.status != SeatStatus.CONFIRMED:
        raise FollowupError("This seat was given up already.")
    try:
        with transaction.atomic():
            SeatConfirmation.objects.get_or_create(
                seat=seat, defaults={"confirmed_at": now or timezone.now()}
            )
    except IntegrityError:
        pass  # a second click at the same moment
    return seat


def seat_answer_cancel(*, seat: Seat) -> list[Seat]:
    """Give the seat up: the waitlist's first person who can take it gets it (and is told)."""
    if seat.status == SeatStatus.CANCELLED:
        return []
    try:
        return seat_cancel(seat=seat, by_leader=True)
    except SeatError as error:
        raise FollowupError(str(error)) from None


def reminder_settings_save(*, event: Event, **values) -> ReminderSettings:
    with transaction.atomic():
        rules, _ = ReminderSettings.objects.select_for_update().get_or_create(event=event)
        for name, value in values.items():
            setattr(rules, name, value)
        rules.save()
        event.reminder_settings = rules
        planning.event_replan(event=event)
    return rules


def upcoming_events_plan(*, now: datetime.datetime | None = None) -> int:
    """Hourly: every event in the coming week (and just after) has all its reminder rows."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    events = Event.objects.filter(
        date__gte=today - datetime.timedelta(days=PLAN_DAYS_AFTER),
        date__lte=today + datetime.timedelta(days=PLAN_DAYS_AHEAD),
    )
    return sum(planning.reminders_plan_for_event(event=event, now=now) for event in events)


def due_items_nudge(*, now: datetime.datetime | None = None) -> int:
    """Follow-up items due today or overdue, not done: their owners get one nudge per due date."""
    now = now or timezone.now()
    items = FollowUpItem.objects.filter(
        done_at__isnull=True, owner__isnull=False, due_date__lte=timezone.localdate(now)
    ).select_related("owner", "report__meeting")
    return outbox.emails_queue_many(
        emails=[
            {
                "kind": "followup.item_due",
                "key": f"followup.item_due:{item.pk}:{item.due_date}",
                "to": item.owner.email,
                "template_prefix": "followup/email/item_due",
                "context": {"item_id": item.pk, "event_id": item.report.meeting.event_id},
                "essential": False,
                "topic": f"meeting:{item.report.meeting_id}",
            }
            for item in items
        ]
    )


def feedback_save(*, event: Event, user, rating: int, comment: str) -> EventFeedback:
    if not 1 <= rating <= 5:
        raise FollowupError("Choose from 1 to 5.")
    with transaction.atomic():
        feedback, _ = EventFeedback.objects.update_or_create(
            event=event, user=user, defaults={"rating": rating, "comment": comment}
        )
    return feedback

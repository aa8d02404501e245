"""Thin tasks: the beat's planning and nudges, and the notices a sign-up sets off.

A sign-up's confirmation (with its calendar file) and the person's reminders
are worked out by a worker, not in the member's request: the request commits
the seat and answers; the task reads the seat again when it runs.
"""

from celery import shared_task

from events.models import Registration
from followup import notices, planning, services
from meetings.models import Seat, SeatStatus


@shared_task
def plan_upcoming_events() -> int:
    return services.upcoming_events_plan()


@shared_task
def nudge_due_follow_up_items() -> int:
    return services.due_items_nudge()


@shared_task
def announce_registration(*, registration_id: int) -> None:
    registration = (
        Registration.objects.select_related("event", "user").filter(pk=registration_id).first()
    )
    if registration is None:
        return  # withdrawn meanwhile: nothing to confirm
    notices.registration_confirmation(registration=registration)
    planning.reminders_plan_for_person(event=registration.event, user=registration.user)


@shared_task
def announce_seat(*, seat_id: int, promoted: bool = False) -> None:
    seat = Seat.objects.select_related("meeting__event", "user").filter(pk=seat_id).first()
    if seat is None or seat.status not in (SeatStatus.CONFIRMED, SeatStatus.WAITLISTED):
        return  # given up meanwhile: no confirmation of a seat they no longer have
    if promoted:
        notices.promotion_notice(seat=seat)
    else:
        notices.seat_confirmation(seat=seat)
    planning.reminders_plan_for_person(event=seat.meeting.event, user=seat.user)

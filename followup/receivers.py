"""Signals from events, meetings and reports (sent after commit) become outbox rows.

A member's own sign-up and registration are announced by a worker task (their
request answers as soon as the seat is committed); a leader's or a plan's
changes are announced here, after their commit.
"""

from django.dispatch import receiver

from events.signals import registration_created
from followup import notices, planning, tasks
from meetings.signals import days_changed, meeting_changed, seat_promoted, seat_taken
from reports.signals import report_filed


@receiver(registration_created)
def confirm_registration(sender, *, registration, **kwargs):
    tasks.announce_registration.delay(registration_id=registration.pk)


@receiver(seat_taken)
def confirm_seat(sender, *, seat, **kwargs):
    tasks.announce_seat.delay(seat_id=seat.pk)


@receiver(seat_promoted)
def announce_promotion(sender, *, seat, **kwargs):
    tasks.announce_seat.delay(seat_id=seat.pk, promoted=True)


@receiver(days_changed)
def announce_changed_days(sender, *, event, user_ids, **kwargs):
    notices.day_changed_notices(event=event, user_ids=user_ids)
    planning.reminders_plan_for_people(event=event, user_ids=user_ids)
    planning.event_replan(event=event)


@receiver(meeting_changed)
def announce_meeting_change(sender, *, meeting, fields, **kwargs):
    notices.meeting_change_notices(meeting=meeting, fields=fields)
    if "starts_at" in fields:
        planning.meeting_moved_replan(meeting=meeting)
    if fields.get("status", [None, None])[1] == "held":
        planning.report_requests_plan(meeting=meeting)


@receiver(report_filed)
def offer_thank_you(sender, *, report, **kwargs):
    from followup.thanks import thank_you_draft

    thank_you_draft(meeting=report.meeting)

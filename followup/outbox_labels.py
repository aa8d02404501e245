"""How follow-up's emails read on the staff's outbox pages (registered with the outbox)."""

import zoneinfo

from events.models import Event
from meetings.models import Meeting
from outbox import labels

KINDS = {
    "followup.registered": "Registration confirmation",
    "followup.day_before": "Day-before reminder",
    "followup.morning_of": "Morning-of reminder",
    "followup.before_meeting": "Reminder before a meeting",
    "followup.signed_up": "Seat confirmation",
    "followup.promoted": "Seat from the waitlist",
    "followup.meeting_changed": "Meeting changed",
    "followup.day_changed": "Day planned or changed",
    "followup.leader_digest": "Leader's digest",
    "followup.report_request": "Meeting report request",
    "followup.feedback": "Feedback request",
    "followup.item_due": "Follow-up item due",
    "followup.thank_you": "Thank-you note",
}


def describe_events(ids: list[int]) -> dict[int, str]:
    return dict(Event.objects.filter(pk__in=ids).values_list("pk", "name"))


def describe_meetings(ids: list[int]) -> dict[int, str]:
    """ "Meeting with Amy Larsen, Mar 3, 10:30 AM": the time in the event's own zone."""
    rows = Meeting.objects.filter(pk__in=ids).values_list(
        "pk", "lawmaker__full_name", "starts_at", "event__time_zone"
    )
    return {
        pk: f"Meeting with {lawmaker}, "
        f"{starts_at.astimezone(zoneinfo.ZoneInfo(zone)):%b %-d, %-I:%M %p}"
        for pk, lawmaker, starts_at, zone in rows
    }


def register_all() -> None:
    for kind, label in KINDS.items():
        labels.register_kind(kind, label)
    labels.register_topic("event", describe_events)
    labels.register_topic("meeting", describe_meetings)

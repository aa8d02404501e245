"""When each reminder goes, worked out in the event's own time zone (daylight saving included)."""

import datetime

from events.models import Event
from followup.models import ReminderSettings

REPORT_NUDGES = 2  # after the first request, at most this many reminders
LEADER_DIGEST_DAYS = 7


def settings_for(event: Event) -> ReminderSettings:
    """The event's saved settings, or the defaults (unsaved) when staff kept them."""
    try:
        return event.reminder_settings
    except ReminderSettings.DoesNotExist:
        return ReminderSettings(event=event)


def local_moment(event: Event, day: datetime.date, at: datetime.time) -> datetime.datetime:
    """That wall-clock time on that day where the event happens, as an aware datetime."""
    return datetime.datetime.combine(day, at, tzinfo=event.zone)


def day_before_at(event: Event, rules: ReminderSettings) -> datetime.datetime:
    return local_moment(event, event.date - datetime.timedelta(days=1), rules.day_before_at)


def morning_of_at(event: Event, rules: ReminderSettings) -> datetime.datetime:
    return local_moment(event, event.date, rules.morning_of_at)


def before_meeting_at(starts_at: datetime.datetime, rules: ReminderSettings) -> datetime.datetime:
    # In UTC: arithmetic on a local aware datetime is wall-clock arithmetic and would
    # land in the hour that does not exist when clocks go forward.
    return starts_at.astimezone(datetime.UTC) - datetime.timedelta(
        minutes=rules.minutes_before_meeting
    )


def leader_digest_days(event: Event) -> list[datetime.date]:
    """The seven days before the event, earliest first."""
    return [event.date - datetime.timedelta(days=n) for n in range(LEADER_DIGEST_DAYS, 0, -1)]


def report_requests_at(
    ends_at: datetime.datetime, rules: ReminderSettings
) -> list[datetime.datetime]:
    """The request to file the report, then at most two nudges."""
    first = ends_at.astimezone(datetime.UTC) + datetime.timedelta(
        minutes=rules.report_after_minutes
    )
    step = datetime.timedelta(hours=rules.report_nudge_hours)
    return [first + step * n for n in range(REPORT_NUDGES + 1)]


def feedback_at(event: Event, rules: ReminderSettings) -> datetime.datetime:
    return local_moment(event, event.date + datetime.timedelta(days=1), rules.feedback_at)


def outline(event: Event, rules: ReminderSettings) -> list[dict]:
    """The reminders of one participant's day, in order, for the staff's picture of it."""
    day_before = event.date - datetime.timedelta(days=1)
    first_digest = event.date - datetime.timedelta(days=LEADER_DIGEST_DAYS)
    day_after = event.date + datetime.timedelta(days=1)
    hours = rules.report_nudge_hours
    return [
        {
            "day": f"{first_digest:%b %-d} to {day_before:%b %-d}",
            "at": rules.leader_digest_at,
            "what": "Leaders' daily summary",
            "detail": "Meetings not yet confirmed and empty seats, each morning of the week.",
            "optional": True,
        },
        {
            "day": f"{day_before:%a %b %-d}",
            "at": rules.day_before_at,
            "what": "The day before",
            "detail": "The itinerary with one-click links: I will be there / I cannot come.",
        },
        {
            "day": f"{event.date:%a %b %-d}",
            "at": rules.morning_of_at,
            "what": "The morning of",
            "detail": "The itinerary, as it stands.",
        },
        {
            "day": f"{rules.minutes_before_meeting} min",
            "at": None,
            "what": "Before each meeting",
            "detail": "Room, colleagues and the lead.",
        },
        {
            "day": "The meeting",
            "at": None,
            "what": f"{event.name}",
            "detail": "Held, then the report.",
            "event": True,
        },
        {
            "day": f"{rules.report_after_minutes} min after",
            "at": None,
            "what": "Report request to the lead",
            "detail": f"Then a nudge every {hours} hour{'s' if hours != 1 else ''}, "
            "twice at most, until it is filed.",
        },
        {
            "day": f"{day_after:%a %b %-d}",
            "at": rules.feedback_at,
            "what": "Feedback request",
            "detail": "Two questions about the day, to everyone who had a seat.",
            "optional": True,
        },
    ]

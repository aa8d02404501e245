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

"""Writes for events: a Day of Action and the people registered for it."""

import datetime
import zoneinfo

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from events.models import Attendance, Event, EventStatus, Level, Registration
from events.signals import registration_cancelled, registration_created
from members.models import User

# What staff edit on an event, in the order the form shows it.
EVENT_FIELDS = (
    "name",
    "slug",
    "status",
    "level",
    "state",
    "date",
    "time_zone",
    "theme",
    "briefing_venue",
    "agenda",
    "day_starts",
    "day_ends",
    "registration_opens_at",
    "registration_closes_at",
    "default_meeting_minutes",
    "gap_same_building_minutes",
    "gap_same_side_minutes",
    "gap_across_sides_minutes",
    "format",
    "remote_spacing_minutes",
    "working_day_starts",
    "working_day_ends",
)


class EventError(Exception):
    """An event or a registration that cannot be saved; the message says why."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


RESERVED_SLUGS = {"new"}


def _check(event: Event) -> None:
    if not event.slug or event.slug in RESERVED_SLUGS:
        raise EventError("Choose another address for the event.", field="slug")
    if event.level == Level.STATE and not event.state:
        raise EventError("A state Day of Action needs its state.", field="state")
    if event.level == Level.NATIONAL and event.state:
        raise EventError("A national Day of Action has no state.", field="state")
    try:
        zoneinfo.ZoneInfo(event.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise EventError(f"{event.time_zone} is not a time zone.", field="time_zone") from None
    if event.day_ends <= event.day_starts:
        raise EventError("The day must end after it starts.", field="day_ends")
    opens, closes = event.registration_opens_at, event.registration_closes_at
    if opens and closes and closes <= opens:
        raise EventError("Registration must close after it opens.", field="registration_closes_at")
    if event.working_day_ends <= event.working_day_starts:
        raise EventError(
            "The participants' working window must end after it starts.",
            field="working_day_ends",
        )
    if event.default_meeting_minutes < 5:
        raise EventError("A meeting lasts at least 5 minutes.", field="default_meeting_minutes")
    taken = Event.objects.filter(slug=event.slug).exclude(pk=event.pk).exists()
    if taken:
        raise EventError(f"Another event already has the address “{event.slug}”.", field="slug")


def _unknown(fields: dict) -> None:
    unknown = fields.keys() - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown event fields: {', '.join(sorted(unknown))}")


@transaction.atomic
def event_create(*, name: str, date: datetime.date, slug: str = "", **fields) -> Event:
    """A new Day of Action; its address is made from its name unless given."""
    _unknown(fields)
    event = Event(name=name, date=date, slug=slug or slugify(name)[:200], **fields)
    _check(event)
    event.save()
    return event


@transaction.atomic
def event_update(*, event: Event, **changes) -> Event:
    _unknown(changes)
    locked = Event.objects.select_for_update().get(pk=event.pk)
    for name, value in changes.items():
        setattr(locked, name, value)
    _check(locked)
    locked.save()
    return locked


def _window_error(event: Event, now: datetime.datetime) -> str | None:
    if event.status != EventStatus.PUBLISHED:
        return f"{event} is not open for registration yet."
    if event.registration_opens_at and now < event.registration_opens_at:
        opens = event.local(event.registration_opens_at)
        return f"Registration for {event} opens on {opens:%B %-d at %-I:%M %p}."
    if not event.registration_is_open(now):
        return f"Registration for {event} is closed."
    return None


def _check_availability(
    event: Event, arrive_by: datetime.time | None, leave_at: datetime.time | None
) -> None:
    """Arrive by / must leave at: inside the day, in that order; empty means the day's hours."""
    day = f"{event.day_starts:%-I:%M %p} to {event.day_ends:%-I:%M %p}"
    if arrive_by and not event.day_starts <= arrive_by < event.day_ends:
        raise EventError(f"Arrive by a time within the day ({day}).", field="arrive_by")
    if leave_at and not event.day_starts < leave_at <= event.day_ends:
        raise EventError(f"Leave at a time within the day ({day}).", field="leave_at")
    if arrive_by and leave_at and leave_at <= arrive_by:
        raise EventError("You must leave after you arrive.", field="leave_at")


def _check_calls_window(calls_from: datetime.time | None, calls_until: datetime.time | None):
    if calls_from and calls_until and calls_until <= calls_from:
        raise EventError(
            "Your hours for calls end before they start: give a later end.", field="calls_until"
        )


@transaction.atomic
def registration_create(
    *,
    event: Event,
    user: User,
    attendance: str = Attendance.IN_PERSON,
    arrive_by: datetime.time | None = None,
    leave_at: datetime.time | None = None,
    calls_from: datetime.time | None = None,
    calls_until: datetime.time | None = None,
    joins_from_the_hill: bool = False,
    now: datetime.datetime | None = None,
) -> Registration:
    """Register a person for the event while its registration window is open."""
    now = now or timezone.now()
    error = _window_error(event, now)
    if error:
        raise EventError(error)
    if attendance not in Attendance.values:
        raise EventError("Choose in person or virtual.", field="attendance")
    _check_availability(event, arrive_by, leave_at)
    _check_calls_window(calls_from, calls_until)
    if Registration.objects.filter(event=event, user=user).exists():
        raise EventError(f"You are already registered for {event}.")
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event,
                user=user,
                attendance=attendance,
                arrive_by=arrive_by,
                leave_at=leave_at,
                calls_from=calls_from,
                calls_until=calls_until,
                joins_from_the_hill=joins_from_the_hill,
                registered_at=now,
            )
    except IntegrityError:  # two clicks at once: the first one won
        raise EventError(f"You are already registered for {event}.") from None
    transaction.on_commit(
        lambda: registration_created.send(sender=Registration, registration=registration)
    )
    return registration


@transaction.atomic
def registration_set_availability(
    *,
    event: Event,
    user: User,
    arrive_by: datetime.time | None,
    leave_at: datetime.time | None,
    calls_from: datetime.time | None = None,
    calls_until: datetime.time | None = None,
    joins_from_the_hill: bool = False,
    now: datetime.datetime | None = None,
) -> Registration:
    """Change when a registered person can be booked; until the day begins."""
    now = now or timezone.now()
    if now >= event.starts_at:
        raise EventError(f"{event} has begun: tell your chapter leader when you must leave.")
    registration = Registration.objects.select_for_update().filter(event=event, user=user).first()
    if registration is None:
        raise EventError(f"You are not registered for {event}.")
    _check_availability(event, arrive_by, leave_at)
    _check_calls_window(calls_from, calls_until)
    registration.arrive_by, registration.leave_at = arrive_by, leave_at
    registration.calls_from, registration.calls_until = calls_from, calls_until
    registration.joins_from_the_hill = joins_from_the_hill
    registration.availability_given_at = registration.availability_given_at or now
    registration.save(
        update_fields=[
            "arrive_by",
            "leave_at",
            "calls_from",
            "calls_until",
            "joins_from_the_hill",
            "availability_given_at",
        ]
    )
    return registration


READINESS_MARKS = ("packet_opened_at", "calendar_added_at")


def registrations_mark(*, user: User, mark: str, event: Event | None = None) -> int:
    """Note the first time a person opened their packet or added their calendar.

    Without `event`: every upcoming event they are registered for (a calendar feed holds
    them all). One UPDATE, touching only rows not yet marked.
    """
    if mark not in READINESS_MARKS:
        raise ValueError(f"Unknown mark {mark!r}.")
    rows = Registration.objects.filter(user=user, **{f"{mark}__isnull": True})
    if event is not None:
        rows = rows.filter(event=event)
    else:
        rows = rows.filter(event__date__gte=timezone.localdate())
    return rows.update(**{mark: timezone.now()})


@transaction.atomic
def registration_cancel(*, event: Event, user: User, now: datetime.datetime | None = None) -> None:
    """Withdraw from the event; possible until its day begins, even after registration closed."""
    now = now or timezone.now()
    if now >= event.starts_at:
        raise EventError(f"{event} has begun: tell your chapter leader you cannot come.")
    deleted, _ = Registration.objects.filter(event=event, user=user).delete()
    if not deleted:
        raise EventError(f"You are not registered for {event}.")
    # Meetings (an app above this one) give up the person's seats when told.
    transaction.on_commit(
        lambda: registration_cancelled.send(sender=Registration, event=event, user=user)
    )

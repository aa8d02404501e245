"""A person's meetings as an iCalendar feed: one VEVENT per confirmed seat.

Each meeting keeps one UID for good, so a calendar app that subscribed to the
feed updates the event in place when the meeting moves: LAST-MODIFIED and
DTSTAMP follow the meeting's `updated_at`, SEQUENCE counts its recorded
changes. A meeting that is called off stays in the feed as STATUS:CANCELLED;
a seat the person gave up drops out.
"""

import datetime
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from common.local_times import dual_time
from events.models import EventFormat
from meetings.models import (
    CalendarFeed,
    Meeting,
    MeetingChange,
    MeetingMode,
    MeetingStatus,
    Seat,
    SeatStatus,
)
from members.models import User
from members.time_zones import reader_zone

PRODUCT_ID = "-//Day of Action//Meetings//EN"
# A feed holds the meetings of the last year and everything ahead.
FEED_LOOKBACK = datetime.timedelta(days=365)
TIMEZONE_MARGIN = datetime.timedelta(days=400)

ICS_STATUS = {
    MeetingStatus.REQUESTED: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def feed_for(*, user: User) -> CalendarFeed:
    """The person's calendar feed, made on first use."""
    feed, _ = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def feed_revoke(*, user: User) -> CalendarFeed:
    """Give the feed a new secret token: the old address stops working at once."""
    feed = CalendarFeed.objects.select_for_update().filter(user=user).first()
    if feed is None:
        return CalendarFeed.objects.create(user=user)
    old_token = feed.token
    while feed.token == old_token:
        feed.token = CalendarFeed._meta.get_field("token").get_default()
    feed.created_at = timezone.now()
    feed.save(update_fields=["token", "created_at"])
    return feed


def _ready_for_calendar(seats):
    """Seats with everything a VEVENT needs, in three queries whatever their number."""
    changes = (
        # The row that records the creation carries no fields: it is not a change.
        MeetingChange.objects.filter(meeting=OuterRef("pk"))
        .exclude(fields={})
        .order_by()
        .values("meeting")
        .annotate(total=Count("pk"))
        .values("total")
    )
    colleagues = (
        Seat.objects.filter(status=SeatStatus.CONFIRMED)
        .select_related("user")
        .order_by("requested_at", "pk")
    )
    meetings = (
        Meeting.objects.select_related("event", "lawmaker", "chapter", "lead")
        .annotate(change_count=Coalesce(Subquery(changes, output_field=IntegerField()), Value(0)))
        .prefetch_related(
            Prefetch("seat_set", queryset=colleagues, to_attr="confirmed_seats"),
            "event__programme_items",
        )
    )
    return seats.prefetch_related(Prefetch("meeting", queryset=meetings)).order_by(
        "meeting__starts_at", "pk"
    )


def calendar_seats(*, user: User) -> list[Seat]:
    """The person's confirmed seats of the last year and ahead, ready for `calendar_for`."""
    since = timezone.now() - FEED_LOOKBACK
    return list(
        _ready_for_calendar(
            Seat.objects.filter(
                user=user, status=SeatStatus.CONFIRMED, meeting__starts_at__gte=since
            )
        )
    )


def calendar_seats_by_person(*, event_id: int, user_ids) -> dict[int, list[Seat]]:
    """Each person's confirmed seats in one event, ready for `calendar_for` (three queries)."""
    seats = _ready_for_calendar(
        Seat.objects.filter(
            user_id__in=list(user_ids), status=SeatStatus.CONFIRMED, meeting__event_id=event_id
        )
    )
    by_person: dict[int, list[Seat]] = {}
    for seat in seats:
        by_person.setdefault(seat.user_id, []).append(seat)
    return by_person


def _uid_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "dayofaction"


def meeting_description(meeting: Meeting, *, user: User) -> str:
    lawmaker = meeting.lawmaker
    party = f", {lawmaker.party}" if lawmaker.party else ""
    lead = meeting.lead.full_name or meeting.lead.email if meeting.lead else "to be named"
    lines = [
        f"{lawmaker.title} {lawmaker.full_name} ({lawmaker.seat}{party})",
        f"{meeting.get_kind_display()} · {meeting.event.name}",
        f"Lead: {lead}",
    ]
    others = [seat.user for seat in meeting.confirmed_seats if seat.user_id != user.pk]
    if others:
        lines.append("Colleagues: " + ", ".join(p.full_name or p.email for p in others))
    else:
        lines.append("Colleagues: none yet")
    if meeting.location_note and not meeting.is_remote:
        lines.append(f"Finding the room: {meeting.location_note}")
    zone = calendar_zone(meeting.event, user)
    event = meeting.event
    if meeting.is_remote:
        lines.insert(
            1,
            "When: "
            + dual_time(
                meeting.starts_at,
                reader_zone=zone,
                place_zone=event.zone,
                place_label=event.place_label,
            ),
        )
        if meeting.join_url:
            lines.append(f"Join ({meeting.join_provider}): {meeting.join_url}")
        if meeting.phone_number:
            pin = f", PIN {meeting.phone_pin}" if meeting.phone_pin else ""
            lines.append(f"Dial in: {meeting.phone_number}{pin}")
        if meeting.huddle_url:
            huddle = meeting.huddle_starts_at.astimezone(zone)
            lines.append(f"Team huddle from {huddle:%-I:%M %p}: {meeting.huddle_url}")
    if meeting.status == MeetingStatus.CANCELLED:
        lines.insert(0, "This meeting is cancelled.")
    return "\n".join(lines)


def calendar_zone(event, user: User):
    """The zone of a calendar entry, without a query per entry: the offices' on an in-person
    day, the person's own otherwise (a calendar app shows the moment right either way)."""
    if event.format == EventFormat.IN_PERSON:
        return event.zone
    return reader_zone(user, default=event.time_zone)


def phone_uri(meeting: Meeting) -> str:
    """tel: with the PIN after two pauses, so a phone dials it too."""
    number = "".join(c for c in meeting.phone_number if c.isdigit() or c == "+")
    pin = "".join(c for c in meeting.phone_pin if c.isalnum() or c in "#*")
    return f"tel:{number}" + (f",,{pin}" if pin else "")


def conferences(meeting: Meeting) -> list[tuple[str, dict]]:
    """RFC 7986 CONFERENCE values and their parameters: the video link, the dial-in."""
    found = []
    if meeting.join_url:
        found.append(
            (
                meeting.join_url,
                {"VALUE": "URI", "FEATURE": ["AUDIO", "VIDEO"], "LABEL": meeting.join_provider},
            )
        )
    if meeting.phone_number:
        label = "Dial-in" + (f" (PIN {meeting.phone_pin})" if meeting.phone_pin else "")
        found.append((phone_uri(meeting), {"VALUE": "URI", "FEATURE": ["PHONE"], "LABEL": label}))
    return found


def meeting_location(meeting: Meeting) -> str:
    if meeting.mode == MeetingMode.VIDEO:
        return meeting.join_url or "Video call (link to come)"
    if meeting.mode == MeetingMode.PHONE:
        pin = f", PIN {meeting.phone_pin}" if meeting.phone_pin else ""
        return f"Phone call: {meeting.phone_number}{pin}"
    building = meeting.get_building_display() if meeting.building else ""
    return ", ".join(part for part in (meeting.room, building) if part)


def programme_entries(day, *, user: User, domain: str, site: str) -> list[icalendar.Event]:
    """The day's programme items (breakfast briefing, lunch, debrief) as calendar entries;
    from the prefetched `programme_items` of the event."""
    zone = calendar_zone(day, user)
    entries = []
    for item in day.programme_items.all():
        entry = icalendar.Event()
        entry.add("uid", f"programme-{item.pk}@{domain}")
        entry.add("dtstamp", day.created_at)
        entry.add("dtstart", item.starts_at.astimezone(zone))
        entry.add("dtend", item.ends_at.astimezone(zone))
        entry.add("summary", f"{item.title} ({day.name})")
        if item.place:
            entry.add("location", item.place)
        entry.add("description", "Everyone attends." if item.everyone else "Optional.")
        if site:
            entry.add("url", site + reverse("events:detail", args=[day.slug]))
        entries.append(entry)
    return entries


def calendar_for(*, user: User, seats: list[Seat], site: str = "") -> bytes:
    """The iCalendar file of these seats (from `calendar_seats`); `site` starts the links."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Day of Action meetings")
    domain = _uid_domain()
    for seat in seats:
        meeting = seat.meeting
        # The reader's own zone (the offices' on an in-person day, where they will be).
        zone = calendar_zone(meeting.event, user)
        event = icalendar.Event()
        event.add("uid", f"meeting-{meeting.pk}@{domain}")
        event.add("dtstamp", meeting.updated_at)
        event.add("last-modified", meeting.updated_at)
        event.add("sequence", meeting.change_count)
        event.add("dtstart", meeting.starts_at.astimezone(zone))
        event.add("dtend", meeting.ends_at.astimezone(zone))
        event.add("summary", f"Meeting with {meeting.lawmaker.title} {meeting.lawmaker.full_name}")
        location = meeting_location(meeting)
        if location:
            event.add("location", location)
        event.add("description", meeting_description(meeting, user=user))
        event.add("status", ICS_STATUS.get(meeting.status, "CONFIRMED"))
        for value, parameters in conferences(meeting):
            event.add("conference", value, parameters=parameters)
        if meeting.join_url:
            event.add("url", meeting.join_url)
        elif site:
            event.add("url", site + reverse("meetings:itinerary", args=[meeting.event.slug]))
        calendar.add_component(event)
    events = {seat.meeting.event_id: seat.meeting.event for seat in seats}
    for day in events.values():
        for item in programme_entries(day, user=user, domain=domain, site=site):
            calendar.add_component(item)
    if seats:
        # Time zone rules for the years around the meetings only, to keep the file small.
        dates = [seat.meeting.event.date for seat in seats]
        calendar.add_missing_timezones(
            first_date=min(dates) - TIMEZONE_MARGIN, last_date=max(dates) + TIMEZONE_MARGIN
        )
    return calendar.to_ical()

"""A member's side of meetings: the sign-up list, taking and leaving seats, the itinerary."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.http import require_POST

from common.redirects import next_or
from events.selectors import reader_zone_for
from meetings import access, selectors
from meetings.calendar import feed_for
from meetings.models import SeatStatus
from meetings.rules import Slot, clash
from meetings.seats import SeatError, seat_cancel, seat_take
from members.time_zones import profile_zone


def _sign_up_state(meeting, user) -> None:
    """What the sign-up list shows of each meeting, from what the selector already loaded."""
    waiting = [s for s in meeting.live_seats if s.status == SeatStatus.WAITLISTED]
    meeting.waitlist_length = len(waiting)
    meeting.waitlist_position = next(
        (number for number, s in enumerate(waiting, start=1) if s.user_id == user.pk), None
    )
    meeting.colleagues = [s.user for s in meeting.live_seats if s.status == SeatStatus.CONFIRMED]
    seats = meeting.seats or 1
    meeting.taken_percent = min(round(100 * meeting.seats_taken / seats), 100)


def _clash_with(event, meeting, held) -> str | None:
    """Why this meeting cannot join the person's day, said before they try (as seat_take would)."""
    slot = Slot.of(meeting)
    for other in held:
        reason = clash(event, slot, Slot.of(other))
        if reason:
            return reason
    return None


@login_required
def meetings_open(request, event_slug):
    event = access.event_for_viewer(request.user, event_slug)
    meetings = selectors.meetings_open_to(event=event, user=request.user)
    held = [m for m in meetings if m.my_seat and m.my_seat.status == SeatStatus.CONFIRMED]
    for meeting in meetings:
        _sign_up_state(meeting, request.user)
        meeting.clash = None if meeting.my_seat else _clash_with(event, meeting, held)
    context = {
        "event": event,
        "constituent_meetings": [m for m in meetings if m.is_mine],
        "chapter_meetings": [m for m in meetings if not m.is_mine],
        "reader_zone": reader_zone_for(event=event, user=request.user),
        "seat_count": sum(
            1 for m in meetings if m.my_seat and m.my_seat.status == SeatStatus.CONFIRMED
        ),
    }
    return render(request, "meetings/meetings_open.html", context)


@login_required
@require_POST
def take_seat(request, meeting_id):
    meeting = access.meeting_for_member(request.user, meeting_id)
    back = next_or(request, reverse("meetings:open", args=[meeting.event.slug]))
    try:
        seat = seat_take(meeting_id=meeting.pk, user=request.user)
    except SeatError as error:
        messages.error(request, str(error))
        return redirect(back)
    when = meeting.event.local(meeting.starts_at)
    if seat.status == SeatStatus.CONFIRMED:
        messages.success(
            request,
            f"You have a seat in the meeting with {meeting.lawmaker} at {when:%-I:%M %p}.",
        )
    else:
        messages.warning(
            request,
            f"No seat is free for you in the meeting with {meeting.lawmaker}: you are on its "
            "waitlist, and you get the first seat that frees up.",
        )
    return redirect(back)


@login_required
def leave_seat_confirm(request, seat_id):
    """The step before leaving: one tap never gives up a seat (GET, so it works without JS)."""
    seat = access.seat_for_owner(request.user, seat_id)
    meeting = seat.meeting
    target = next_or(
        request, reverse("meetings:open", args=[meeting.event.slug]), data=request.GET
    )
    return render(
        request,
        "meetings/leave_confirm.html",
        {"seat": seat, "meeting": meeting, "event": meeting.event, "back": target},
    )


@login_required
@require_POST
def leave_seat(request, seat_id):
    seat = access.seat_for_owner(request.user, seat_id)
    meeting = seat.meeting
    back = next_or(request, reverse("meetings:open", args=[meeting.event.slug]))
    lawmaker = meeting.lawmaker
    if seat.status == SeatStatus.CANCELLED:
        messages.info(request, f"You had already left the meeting with {lawmaker}.")
        return redirect(back)
    was_confirmed = seat.status == SeatStatus.CONFIRMED
    try:
        seat_cancel(seat=seat)
    except SeatError as error:
        messages.error(request, str(error))
        return redirect(back)
    if was_confirmed:
        messages.success(request, f"You gave up your seat in the meeting with {lawmaker}.")
    else:
        messages.success(request, f"You left the waitlist of the meeting with {lawmaker}.")
    return redirect(back)


def _itinerary_panels(request, event) -> list[str]:
    """Sections other apps add to the itinerary (ITINERARY_PANELS), imported by none here:
    functions (request, event) -> HTML, "" for a reader they have nothing for."""
    return [
        html
        for path in getattr(settings, "ITINERARY_PANELS", [])
        if (html := import_string(path)(request, event))
    ]


@login_required
def itinerary(request, event_slug):
    event = access.event_for_viewer(request.user, event_slug)
    stops = selectors.itinerary(event=event, user=request.user)
    feed = feed_for(user=request.user)
    feed_url = request.build_absolute_uri(reverse("meetings:calendar_feed", args=[feed.token]))
    context = {
        "event": event,
        "stops": stops,
        "confirmed_count": sum(1 for s in stops if s.seat.status == SeatStatus.CONFIRMED),
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
        "reader_zone": reader_zone_for(event=event, user=request.user),
        # Asked only on a day with calls (an in-person day reads the offices' clock).
        "zone_known": not event.has_remote_meetings
        or bool(profile_zone(getattr(request.user, "profile", None))),
        "now": timezone.now(),
        "panels": _itinerary_panels(request, event),
        "programme": list(event.programme_items.all()),
    }
    return render(request, "meetings/itinerary.html", context)

"""The leaders' side of meetings: the schedule board, scheduling, seats and status.

Each view finds its object through `meetings.access` (404/403), parses the
request with a form, calls one service and turns its error into a message or
a form error.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from common.forms import form_errors_as_messages
from meetings import access, seats, services
from meetings.board import board_for
from meetings.clashes import seated_clashes
from meetings.departures import departure_warning
from meetings.forms import (
    CapacityForm,
    MeetingForm,
    RolesForm,
    SeatAddForm,
    SeatMoveForm,
    StatusForm,
    chapter_people,
)
from meetings.models import MeetingStatus, Seat, SeatStatus
from meetings.seats import SeatError
from meetings.services import NEXT_STATUSES, MeetingError, office_conflicts
from members.time_zones import reader_zone

LIVE = (SeatStatus.CONFIRMED, SeatStatus.WAITLISTED)


@login_required
def board(request, event_slug, chapter_slug):
    event, chapter = access.chapter_board_for_leader(request.user, event_slug, chapter_slug)
    show_proposed = request.GET.get("proposed") != "off"
    # Leaders far from the offices may read the board on their own clock.
    in_my_zone = request.GET.get("zone") == "mine"
    zone = reader_zone(request.user, default=event.time_zone) if in_my_zone else event.zone
    return render(
        request,
        "meetings/board.html",
        {
            "event": event,
            "chapter": chapter,
            "board": board_for(
                event=event, chapter=chapter, show_proposed=show_proposed, zone=zone
            ),
            "show_proposed": show_proposed,
            "board_zone": zone,
            "in_my_zone": in_my_zone,
        },
    )


def _warn(request, warnings):
    for warning in warnings:
        messages.warning(request, warning)


@login_required
def meeting_create(request, event_slug, chapter_slug):
    event, chapter = access.chapter_board_for_leader(request.user, event_slug, chapter_slug)
    initial = {}
    if request.GET.get("lawmaker", "").isdigit():
        initial["lawmaker"] = int(request.GET["lawmaker"])
    form = MeetingForm(request.POST or None, event=event, chapter=chapter, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        fields.pop("ends_at")
        try:
            meeting, warnings = services.meeting_create(
                event=event, chapter=chapter, by=request.user, **fields
            )
        except MeetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"The meeting with {meeting.lawmaker} at "
                f"{event.local(meeting.starts_at):%-I:%M %p} is on the board.",
            )
            _warn(request, warnings)
            return redirect("meetings:board", event_slug=event.slug, chapter_slug=chapter.slug)
    return render(
        request,
        "meetings/meeting_form.html",
        {"event": event, "chapter": chapter, "form": form},
    )


@login_required
def meeting_manage(request, meeting_id):
    meeting = access.meeting_for_leader(request.user, meeting_id)
    errors, warnings = office_conflicts(meeting=meeting)
    clashes = seated_clashes(event=meeting.event, meetings=[meeting]).get(meeting.pk, [])
    warnings += [clash.text for clash in clashes]
    if meeting.lawmaker_departed:
        warnings.insert(0, departure_warning(meeting, event=meeting.event))
    people = list(
        Seat.objects.filter(meeting=meeting, status__in=LIVE)
        .select_related("user", "user__profile")
        .order_by("status", "requested_at", "pk")
    )
    roles = RolesForm(
        people=chapter_people(meeting.chapter, meeting),
        initial={"lead": meeting.lead_id, "note_taker": meeting.note_taker_id},
    )
    capacity = CapacityForm(
        initial={
            "seats": meeting.seats,
            "reserved_for_constituents": meeting.reserved_for_constituents,
            "reserved_for_first_timers": meeting.reserved_for_first_timers,
            "signup_closed": meeting.signup_closed,
            "keep": meeting.keep,
        }
    )
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "event": meeting.event,
            "chapter": meeting.chapter,
            "conflict_errors": errors,
            "conflict_warnings": warnings,
            "confirmed": [seat for seat in people if seat.status == SeatStatus.CONFIRMED],
            "waitlisted": [seat for seat in people if seat.status == SeatStatus.WAITLISTED],
            # Forward along the meeting's life first: the first button is the likely one.
            "next_statuses": sorted(
                NEXT_STATUSES.get(meeting.status, ()),
                key=lambda status: (
                    _status_order(status) <= _status_order(meeting.status),
                    _status_order(status),
                ),
            ),
            "roles_form": roles,
            "capacity_form": capacity,
            "add_form": SeatAddForm(meeting=meeting),
            "move_choices": _move_choices(meeting),
            "steps": _steps(meeting),
            "changes": meeting.changes.select_related("changed_by"),
        },
    )


MAIN_PATH = ("requested", "scheduled", "confirmed", "held")


def _steps(meeting) -> list[dict]:
    """The meeting's main path with where it stands; a cancelled one is off the path."""
    here = MAIN_PATH.index(meeting.status) if meeting.status in MAIN_PATH else -1
    steps = []
    for number, status in enumerate(MAIN_PATH):
        state = "done" if number < here else "current" if number == here else "todo"
        steps.append({"label": MeetingStatus(status).label, "state": state})
    if here == -1:
        steps.append({"label": meeting.get_status_display(), "state": "current"})
    return steps


def _move_choices(meeting) -> list[tuple[int, str]]:
    field = SeatMoveForm(meeting=meeting).fields["to_meeting"]
    return [(other.pk, field.label_from_instance(other)) for other in field.queryset]


def _status_order(status) -> int:
    order = ["requested", "scheduled", "confirmed", "held", "no_show", "cancelled"]
    return order.index(status)


@login_required
def meeting_edit(request, meeting_id):
    meeting = access.meeting_for_leader(request.user, meeting_id)
    event, chapter = meeting.event, meeting.chapter
    form = MeetingForm(request.POST or None, event=event, chapter=chapter, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        fields.pop("minutes")
        grew = fields["seats"] > meeting.seats
        try:
            warnings = services.meeting_update(meeting=meeting, by=request.user, **fields)
        except MeetingError as error:
            form.add_error(None, str(error))
        else:
            promoted = seats.meeting_resize(meeting=meeting) if grew else []
            messages.success(request, _saved(meeting, promoted))
            _warn(request, warnings)
            return redirect("meetings:meeting_manage", meeting_id=meeting.pk)
    return render(
        request,
        "meetings/meeting_form.html",
        {"event": event, "chapter": chapter, "form": form, "meeting": meeting},
    )


def _saved(meeting, promoted) -> str:
    text = f"The meeting with {meeting.lawmaker} is saved."
    if promoted:
        names = ", ".join(str(seat.user) for seat in promoted)
        text += (
            f" From the waitlist: {names} now {'has' if len(promoted) == 1 else 'have'} a seat."
        )
    return text


def _back(meeting):
    return redirect("meetings:meeting_manage", meeting_id=meeting.pk)


@login_required
@require_POST
def meeting_status(request, meeting_id):
    meeting = access.meeting_for_leader(request.user, meeting_id)
    form = StatusForm(request.POST)
    if not form.is_valid():
        form_errors_as_messages(request, form)
        return _back(meeting)
    try:
        changed = services.meeting_set_status(
            meeting=meeting, status=form.cleaned_data["status"], by=request.user
        )
    except MeetingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The meeting is {changed.get_status_display().lower()}.")
    return _back(meeting)


@login_required
@require_POST
def meeting_capacity(request, meeting_id):
    """Seats, seats kept for constituents and first-timers, and closing sign-up."""
    meeting = access.meeting_for_leader(request.user, meeting_id)
    form = CapacityForm(request.POST)
    if not form.is_valid():
        form_errors_as_messages(request, form)
        return _back(meeting)
    grew = form.cleaned_data["seats"] > meeting.seats
    try:
        warnings = services.meeting_update(meeting=meeting, by=request.user, **form.cleaned_data)
    except MeetingError as error:
        messages.error(request, str(error))
        return _back(meeting)
    promoted = seats.meeting_resize(meeting=meeting) if grew else []
    messages.success(request, _saved(meeting, promoted))
    _warn(request, warnings)
    return _back(meeting)


@login_required
@require_POST
def meeting_roles(request, meeting_id):
    meeting = access.meeting_for_leader(request.user, meeting_id)
    form = RolesForm(request.POST, people=chapter_people(meeting.chapter, meeting))
    if not form.is_valid():
        form_errors_as_messages(request, form)
        return _back(meeting)
    services.meeting_update(
        meeting=meeting,
        by=request.user,
        lead=form.cleaned_data["lead"],
        note_taker=form.cleaned_data["note_taker"],
    )
    messages.success(request, "The lead and the note-taker are saved.")
    return _back(meeting)


@login_required
@require_POST
def seat_add(request, meeting_id):
    meeting = access.meeting_for_leader(request.user, meeting_id)
    form = SeatAddForm(request.POST, meeting=meeting)
    if not form.is_valid():
        form_errors_as_messages(request, form)
        return _back(meeting)
    person = form.cleaned_data["user"]
    try:
        seat = seats.seat_take(meeting_id=meeting.pk, user=person, by_leader=True)
    except SeatError as error:
        messages.error(request, str(error).replace("You cannot", f"{person} cannot"))
    else:
        where = "has a seat" if seat.status == SeatStatus.CONFIRMED else "is on the waitlist"
        messages.success(request, f"{person} {where}.")
    return _back(meeting)


def _seat(request, meeting_id, seat_id) -> Seat:
    meeting = access.meeting_for_leader(request.user, meeting_id)
    return get_object_or_404(
        Seat.objects.select_related("user", "meeting__event"), meeting=meeting, pk=seat_id
    )


@login_required
@require_POST
def seat_remove(request, meeting_id, seat_id):
    seat = _seat(request, meeting_id, seat_id)
    promoted = seats.seat_cancel(seat=seat, by_leader=True)
    text = f"{seat.user} is no longer in the meeting."
    if promoted:
        text += f" {', '.join(str(s.user) for s in promoted)} moved up from the waitlist."
    messages.success(request, text)
    return _back(seat.meeting)


@login_required
@require_POST
def seat_move(request, meeting_id, seat_id):
    seat = _seat(request, meeting_id, seat_id)
    form = SeatMoveForm(request.POST, meeting=seat.meeting)
    if not form.is_valid():
        form_errors_as_messages(request, form)
        return _back(seat.meeting)
    target = form.cleaned_data["to_meeting"]
    try:
        moved = seats.seat_move(seat=seat, to_meeting=target)
    except SeatError as error:
        messages.error(request, str(error).replace("You cannot", f"{seat.user} cannot"))
    else:
        where = "has a seat" if moved.status == SeatStatus.CONFIRMED else "is on the waitlist"
        messages.success(request, f"{seat.user} {where} in the meeting with {target.lawmaker}.")
    return _back(seat.meeting)

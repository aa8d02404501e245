"""Seats in meetings: take one, leave one, move people; never oversold.

Every write locks the meeting row first, re-reads the counts under the lock,
then writes; `Meeting.seats_taken` never exceeds `Meeting.seats`, and a
database constraint says so too.

A person's own seats in one event change one at a time: whether a new seat
clashes with their other meetings is a question about the person, not about
one meeting, so before the meeting's row every write takes a lock on
(event, person). Always in that order, person then meeting, so two writes
never wait for each other in a circle. The waitlist is the one exception:
promoting someone happens under a meeting's lock already, so it only tries
the person's lock and passes over a person who is changing their seats at
that moment (they stay first in the queue for the next free seat).

The person's lock is waited for at most LOCK_TIMEOUT: a stuck one gives a
"try again" message instead of piling requests up behind it.
"""

import functools
import zlib

from django.db import OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone

from common.waitlists import promote_in_order
from events.models import Event, Registration
from events.requirements import unmet_requirements
from events.services import EventError, registration_create
from lawmakers.models import Lawmaker
from meetings.models import Meeting, Seat, SeatStatus
from meetings.rules import Slot, clash
from meetings.signals import seat_promoted, seat_taken
from members.constituency import represents
from members.models import User
from members.services import profile_for

LIVE = (SeatStatus.CONFIRMED, SeatStatus.WAITLISTED)


class SeatError(Exception):
    """A seat that cannot be taken or changed; the message says which meeting and why."""


# How long a write waits for the person's lock. Only that person's other tab competes
# for it, so a longer wait means a stuck request: say "try again" rather than pile up.
# (A meeting's row lock has no limit: a crowd queueing for one meeting's seats is the
# expected case, and 200 sign-ups from 32 connections wait well over 10 s under load.)
# Tests shorten it.
LOCK_TIMEOUT = "5s"
LOCK_NOT_AVAILABLE = "55P03"
BUSY = "Many people are changing seats at this moment: please try again."


def _postgres() -> bool:
    # SQLite (the demo) begins every write transaction IMMEDIATE: writes are serialised.
    return connection.vendor == "postgresql"


# The upper half of the advisory lock key names this use, so other locks cannot collide.
_SEATS_NAMESPACE = zlib.crc32(b"meetings.seats") & 0x7FFFFFFF


def _person_key(event_id: int, user_id: int) -> int:
    """The (signed 64-bit) advisory lock key of one person's seats in one event.

    Two people sharing a key by chance only wait for each other: still correct.
    """
    return _SEATS_NAMESPACE << 32 | zlib.crc32(f"{event_id}:{user_id}".encode())


def _hold_person(event_id: int, user_id: int) -> None:
    """Wait for, then hold until commit, the right to change this person's seats in the event."""
    if not _postgres():
        return
    with connection.cursor() as cursor:
        # One round trip: wait at most LOCK_TIMEOUT for the lock, then the usual timeout again.
        cursor.execute(
            f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'; SELECT pg_advisory_xact_lock(%s); "
            "SET LOCAL lock_timeout TO DEFAULT",
            [_person_key(event_id, user_id)],
        )


def _try_hold_person(event_id: int, user_id: int) -> bool:
    if not _postgres():
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_person_key(event_id, user_id)])
        return cursor.fetchone()[0]


def _fails_fast(function):
    """A person's lock not granted in LOCK_TIMEOUT becomes a SeatError (all is undone)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except OperationalError as error:
            if getattr(error.__cause__, "pgcode", None) == LOCK_NOT_AVAILABLE:
                raise SeatError(BUSY) from None
            raise

    return wrapper


def is_constituent(user: User, lawmaker: Lawmaker) -> bool:
    """Is the lawmaker one of this person's own, from their state, ZIP code and districts?"""
    return represents(profile_for(user=user), lawmaker)


def _register_if_needed(event_id: int, user: User) -> None:
    """Taking a seat is taking part: register the person (in person) if they are not yet."""
    if Registration.objects.filter(event_id=event_id, user=user).exists():
        return
    try:
        registration_create(event=Event.objects.get(pk=event_id), user=user)
    except EventError as error:
        raise SeatError(str(error)) from None


def _lock(meeting_id: int, lock: bool) -> Meeting:
    meetings = Meeting.objects.select_related("event", "lawmaker")
    if lock:
        meetings = meetings.select_for_update(of=("self",))
    return meetings.get(pk=meeting_id)


def schedule_clash(*, meeting: Meeting, user: User) -> str | None:
    """Why this person cannot also be in this meeting, given their confirmed seats."""
    # From the person's own seats (a handful, by index) to their meetings: a join driven
    # from the event's meetings scans them all, which a plan's accept does per seat.
    theirs = list(
        Seat.objects.filter(user=user, status=SeatStatus.CONFIRMED)
        .exclude(meeting_id=meeting.pk)
        .values_list("meeting_id", flat=True)
    )
    if not theirs:
        return None
    others = Meeting.objects.filter(pk__in=theirs, event=meeting.event_id).select_related(
        "lawmaker"
    )
    slot = Slot.of(meeting)
    for other in others:
        if not other.is_active:
            continue
        reason = clash(meeting.event, slot, Slot.of(other))
        if reason:
            return reason
    return None


def _free_for(meeting: Meeting, *, constituent: bool, first_timer: bool) -> bool:
    """Is a seat free for this person, counting seats held back for others?"""
    free = meeting.seats - meeting.seats_taken
    if free <= 0:
        return False
    confirmed = Seat.objects.filter(meeting=meeting, status=SeatStatus.CONFIRMED)
    held = 0
    if meeting.reserved_for_constituents and not constituent:
        taken = confirmed.filter(is_constituent=True).count()
        held += max(meeting.reserved_for_constituents - taken, 0)
    if meeting.reserved_for_first_timers and not first_timer:
        taken = confirmed.filter(user__profile__first_time_advocate=True).count()
        held += max(meeting.reserved_for_first_timers - taken, 0)
    return free > held


def _confirm(meeting: Meeting, seat: Seat) -> None:
    seat.status = SeatStatus.CONFIRMED
    seat.confirmed_at = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(seats_taken=F("seats_taken") + 1)
    meeting.seats_taken += 1


@_fails_fast
@transaction.atomic
def seat_take(
    *,
    meeting_id: int,
    user: User,
    by_leader: bool = False,
    lock: bool = True,
    person_lock: bool = True,
    announce: bool = True,
) -> Seat:
    """Give this person a confirmed seat, or a place on the waitlist when the meeting is full.

    `announce=False` leaves the person's notice to the caller, who changes many seats
    at once and tells each person once (`meetings.services.days_changed_announce`).
    `lock=False` and `person_lock=False` exist only for the canary tests that show
    each lock matters.
    """
    # What does not change under us is read before the lock, to keep the lock short.
    profile = profile_for(user=user)
    unlocked = Meeting.objects.select_related("lawmaker", "event").get(pk=meeting_id)
    event_id, constituent = unlocked.event_id, represents(profile, unlocked.lawmaker)
    unmet = unmet_requirements(event=unlocked.event, user_ids=[user.pk]).get(user.pk)
    if unmet:
        raise SeatError(unmet)
    if person_lock:
        _hold_person(event_id, user.pk)
    if not by_leader:
        _register_if_needed(event_id, user)
    meeting = _lock(meeting_id, lock)
    if not meeting.is_active:
        raise SeatError(f"The meeting with {meeting.lawmaker} is {meeting.get_status_display()}.")
    if meeting.signup_closed and not by_leader:
        raise SeatError(
            f"Sign-up for the meeting with {meeting.lawmaker} is closed: ask your chapter leader."
        )
    if Seat.objects.filter(meeting=meeting, user=user, status__in=LIVE).exists():
        raise SeatError(f"You are already signed up for the meeting with {meeting.lawmaker}.")
    reason = schedule_clash(meeting=meeting, user=user)
    if reason:
        raise SeatError(f"You cannot join the meeting with {meeting.lawmaker}: {reason}.")
    seat = Seat(
        meeting=meeting,
        user=user,
        status=SeatStatus.WAITLISTED,
        is_constituent=constituent,
    )
    if _free_for(
        meeting, constituent=seat.is_constituent, first_timer=profile.first_time_advocate
    ):
        _confirm(meeting, seat)
    seat.save()
    if announce:
        transaction.on_commit(lambda: seat_taken.send(sender=Seat, seat=seat))
    return seat


@_fails_fast
@transaction.atomic
def seat_cancel(*, seat: Seat, by_leader: bool = False) -> list[Seat]:
    """Give up a seat or leave the waitlist; a freed seat goes to the first who can take it.

    Returns the seats promoted from the waitlist.
    """
    event_id = Meeting.objects.values_list("event_id", flat=True).get(pk=seat.meeting_id)
    _hold_person(event_id, seat.user_id)
    meeting = _lock(seat.meeting_id, lock=True)
    seat = Seat.objects.select_for_update().get(pk=seat.pk)
    if seat.status not in LIVE:
        return []
    if meeting.signup_closed and not by_leader:
        raise SeatError(
            f"Sign-up for the meeting with {meeting.lawmaker} is closed: ask your chapter leader."
        )
    was_confirmed = seat.status == SeatStatus.CONFIRMED
    seat.status = SeatStatus.CANCELLED
    seat.cancelled_at = timezone.now()
    seat.save(update_fields=["status", "cancelled_at"])
    if not was_confirmed:
        return []
    Meeting.objects.filter(pk=meeting.pk).update(seats_taken=F("seats_taken") - 1)
    meeting.seats_taken -= 1
    return promote_waitlist(meeting=meeting)


def promote_waitlist(*, meeting: Meeting) -> list[Seat]:
    """Fill free seats from the waitlist in order; call with the meeting locked."""
    waiting = (
        Seat.objects.filter(meeting=meeting, status=SeatStatus.WAITLISTED)
        .select_related("user__profile")
        .order_by("requested_at", "pk")
    )

    def may_take(seat: Seat) -> bool:
        if not _try_hold_person(meeting.event_id, seat.user_id):
            return False  # changing their seats right now: see the module's docstring
        if schedule_clash(meeting=meeting, user=seat.user):
            return False
        first_timer = seat.user.profile.first_time_advocate
        return _free_for(meeting, constituent=seat.is_constituent, first_timer=first_timer)

    def confirm(seat: Seat) -> None:
        _confirm(meeting, seat)
        seat.save(update_fields=["status", "confirmed_at"])

    promoted = promote_in_order(
        waiting,
        has_room=lambda: meeting.seats_taken < meeting.seats,
        may_take=may_take,
        confirm=confirm,
    )
    for seat in promoted:
        transaction.on_commit(lambda seat=seat: seat_promoted.send(sender=Seat, seat=seat))
    return promoted


@_fails_fast
@transaction.atomic
def seat_move(*, seat: Seat, to_meeting: Meeting) -> Seat:
    """A leader moves a person from one meeting to another (confirmed or waitlisted there)."""
    if seat.meeting_id == to_meeting.pk:
        raise SeatError("The person is already in this meeting.")
    if seat.meeting.event_id != to_meeting.event_id:
        raise SeatError("People can only be moved between meetings of the same event.")
    user = seat.user
    seat_cancel(seat=seat, by_leader=True)
    return seat_take(meeting_id=to_meeting.pk, user=user, by_leader=True)


@_fails_fast
@transaction.atomic
def meeting_resize(*, meeting: Meeting) -> list[Seat]:
    """After seats were added, hand them to the waitlist."""
    locked = _lock(meeting.pk, lock=True)
    return promote_waitlist(meeting=locked)

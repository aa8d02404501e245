"""Writes: sessions, sign-ups and their waitlist, attendance, check-in, waivers.

A session's places are never oversold: every change of a sign-up locks the
session row, re-reads it, then writes (as a meeting's seats do), and the
database refuses `places_taken > capacity`. Free places go to the waitlist by
the one waitlist rule (`common.waitlists`).
"""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from common.waitlists import promote_in_order
from events.models import Event
from members.models import User
from trainings import mailing
from trainings.mentoring import suggest_pairs
from trainings.models import (
    LIVE_SIGNUPS,
    Mentorship,
    MentorshipStatus,
    Session,
    Signup,
    SignupStatus,
    Waiver,
)

# A check-in code works from a little before the start to a little after the end.
CHECK_IN_OPENS_BEFORE = datetime.timedelta(minutes=15)
CHECK_IN_CLOSES_AFTER = datetime.timedelta(minutes=30)


class TrainingError(Exception):
    """A change to a session or sign-up that cannot be made; the message says why."""


def _check_times(starts_at, ends_at) -> None:
    if ends_at <= starts_at:
        raise TrainingError("The session must end after it starts.")


@transaction.atomic
def session_create(*, host: User, events: list[Event] = (), **fields) -> Session:
    _check_times(fields["starts_at"], fields["ends_at"])
    session = Session.objects.create(host=host, **fields)
    session.counts_for.set(events)
    return session


@transaction.atomic
def session_update(*, session: Session, events: list[Event] | None = None, **fields) -> Session:
    """Change a session; more places go to the waitlist, fewer than those signed up is refused."""
    locked = Session.objects.select_for_update().get(pk=session.pk)
    starts_at = fields.get("starts_at", locked.starts_at)
    _check_times(starts_at, fields.get("ends_at", locked.ends_at))
    capacity = fields.get("capacity", locked.capacity)
    if capacity < locked.places_taken:
        raise TrainingError(
            f"{locked.places_taken} people are signed up: the capacity cannot be below "
            f"{locked.places_taken}. Cancel sign-ups first to have fewer places."
        )
    link_changed = fields.get("join_url", locked.join_url) != locked.join_url
    moved = starts_at != locked.starts_at
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save()
    if events is not None:
        locked.counts_for.set(events)
    _promote(locked)
    if moved:
        mailing.reminders_reschedule(session=locked)
    if link_changed or moved:
        mailing.change_notices_queue(session=locked)
    return locked


def _lock(session_id: int) -> Session:
    return Session.objects.select_for_update().get(pk=session_id)


def _confirm(session: Session, signup: Signup) -> None:
    signup.status = SignupStatus.CONFIRMED
    signup.confirmed_at = timezone.now()
    Session.objects.filter(pk=session.pk).update(places_taken=F("places_taken") + 1)
    session.places_taken += 1


def _promote(session: Session) -> list[Signup]:
    """Fill free places from the waitlist; call with the session locked."""
    waiting = Signup.objects.filter(session=session, status=SignupStatus.WAITLISTED).order_by(
        "requested_at", "pk"
    )

    def confirm(signup: Signup) -> None:
        _confirm(session, signup)
        signup.save(update_fields=["status", "confirmed_at"])
        mailing.promoted_queue(signup=signup)

    return promote_in_order(
        waiting.select_related("user"),
        has_room=lambda: session.places_taken < session.capacity,
        may_take=lambda signup: True,
        confirm=confirm,
    )


@transaction.atomic
def signup_take(*, session: Session, user: User) -> Signup:
    """A confirmed place, or a place on the waitlist when the session is full."""
    locked = _lock(session.pk)
    if locked.has_ended:
        raise TrainingError(f"{locked.title} has already taken place.")
    if Signup.objects.filter(session=locked, user=user, status__in=LIVE_SIGNUPS).exists():
        raise TrainingError(f"You are already signed up for {locked.title}.")
    signup = Signup(session=locked, user=user, status=SignupStatus.WAITLISTED)
    if locked.places_taken < locked.capacity:
        _confirm(locked, signup)
    signup.save()
    mailing.signup_queue(signup=signup)
    return signup


@transaction.atomic
def signup_cancel(*, signup: Signup) -> list[Signup]:
    """Give up a place or leave the waitlist; returns those promoted into the freed place."""
    locked = _lock(signup.session_id)
    signup = Signup.objects.select_for_update().get(pk=signup.pk)
    if signup.status not in LIVE_SIGNUPS:
        return []
    if signup.attended_at:
        raise TrainingError("You attended this session: the sign-up stays on record.")
    was_confirmed = signup.status == SignupStatus.CONFIRMED
    signup.status = SignupStatus.CANCELLED
    signup.cancelled_at = timezone.now()
    signup.save(update_fields=["status", "cancelled_at"])
    mailing.reminders_cancel(signup=signup)
    if not was_confirmed:
        return []
    Session.objects.filter(pk=locked.pk).update(places_taken=F("places_taken") - 1)
    locked.places_taken -= 1
    return _promote(locked)


@transaction.atomic
def attendance_set(*, session: Session, attended_ids: set[int]) -> int:
    """The host's list: exactly the confirmed sign-ups ticked attended; returns how many."""
    now = timezone.now()
    confirmed = Signup.objects.select_for_update().filter(
        session=session, status=SignupStatus.CONFIRMED
    )
    unknown = set(attended_ids) - set(confirmed.values_list("pk", flat=True))
    if unknown:
        raise TrainingError("Only people with a confirmed place can be marked as attended.")
    confirmed.filter(pk__in=attended_ids, attended_at__isnull=True).update(attended_at=now)
    confirmed.exclude(pk__in=attended_ids).update(attended_at=None, checked_in_with_code=False)
    return len(attended_ids)


@transaction.atomic
def check_in(*, session: Session, user: User, code: str, now=None) -> Signup:
    """An attendee enters the code the host gives out during the session."""
    now = now or timezone.now()
    signup = (
        Signup.objects.select_for_update()
        .filter(session=session, user=user, status=SignupStatus.CONFIRMED)
        .first()
    )
    if signup is None:
        raise TrainingError("Only people with a confirmed place can check in to this session.")
    if now < session.starts_at - CHECK_IN_OPENS_BEFORE:
        raise TrainingError("Check-in has not opened yet: it opens 15 minutes before the start.")
    if now > session.ends_at + CHECK_IN_CLOSES_AFTER:
        raise TrainingError(
            "Check-in closed 30 minutes after the session ended: ask the host to mark you."
        )
    if code.strip().upper().replace(" ", "") != session.check_in_code:
        raise TrainingError("This is not the session's check-in code: check it with the host.")
    if signup.attended_at:
        raise TrainingError("You have already checked in to this session.")
    signup.attended_at = now
    signup.checked_in_with_code = True
    signup.save(update_fields=["attended_at", "checked_in_with_code"])
    return signup


@transaction.atomic
def waiver_grant(*, event: Event, user: User, waived_by: User, reason: str) -> Waiver:
    """Let one person take part without the required training; kept as a record."""
    reason = reason.strip()
    if not reason:
        raise TrainingError("Say why the training is waived: the reason is kept on record.")
    if Waiver.objects.filter(event=event, user=user).exists():
        raise TrainingError(f"The training is already waived for {user} for {event.name}.")
    return Waiver.objects.create(event=event, user=user, waived_by=waived_by, reason=reason)


def checklist_nudge(*, event: Event, user: User, items_left: list[str], today=None) -> None:
    """Remind a participant what is left before the day; at most once a day per person."""
    if not items_left:
        raise TrainingError(f"{user} has nothing left to do for {event.name}.")
    today = today or timezone.localdate()
    if not mailing.nudge_queue(event=event, user=user, items_left=items_left, day=today):
        raise TrainingError(f"{user} was already reminded today: one reminder a day at most.")


@transaction.atomic
def mentorships_suggest(*, event: Event, chapter) -> list[Mentorship]:
    """Suggest a mentor for each first-timer of the chapter who has none (leaders confirm)."""
    return [
        Mentorship.objects.create(
            event=event,
            chapter=chapter,
            mentor=pair.mentor,
            mentee=pair.mentee,
            reason=pair.reason,
        )
        for pair in suggest_pairs(event=event, chapter=chapter)
    ]


@transaction.atomic
def mentorship_confirm(*, mentorship: Mentorship, by: User) -> Mentorship:
    """A leader confirms the pair; both are introduced to each other by email."""
    mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    if mentorship.status == MentorshipStatus.CONFIRMED:
        raise TrainingError("This pair is already confirmed.")
    mentorship.status = MentorshipStatus.CONFIRMED
    mentorship.confirmed_by, mentorship.confirmed_at = by, timezone.now()
    mentorship.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    mailing.introductions_queue(mentorship=mentorship)
    return mentorship


@transaction.atomic
def mentorship_remove(*, mentorship: Mentorship) -> None:
    Mentorship.objects.filter(pk=mentorship.pk).delete()

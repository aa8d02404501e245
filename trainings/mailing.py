"""Every email about a session, through the outbox: sign-up, promotion, reminders, changes.

Each email carries only the sign-up's id; its composer reads the session when the
email goes, so a reminder has today's link and place, and an email about a place
given up is cancelled instead of sent.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from common.local_times import dual_time
from members.time_zones import reader_zone
from outbox import composers
from outbox.models import Email
from outbox.services import email_queue, email_reschedule, emails_cancel
from trainings.models import LIVE_SIGNUPS, Signup, SignupStatus

REMINDERS = {"day": datetime.timedelta(days=1), "hour": datetime.timedelta(hours=1)}
KINDS = {
    "trainings.signup": "Session sign-up",
    "trainings.promoted": "Session place from the waitlist",
    "trainings.reminder": "Session reminder",
    "trainings.changed": "Session changed",
}
NUDGE_KIND = "trainings.nudge"
INTRODUCTION_KIND = "trainings.mentor_introduction"


def _reminder_key(signup: Signup, which: str) -> str:
    return f"trainings.reminder:{signup.pk}:{which}"


def _queue(signup: Signup, kind: str, key: str, send_after=None) -> None:
    email_queue(
        to=signup.user.email,
        kind=kind,
        key=key,
        template_prefix=f"trainings/email/{kind.split('.')[1]}",
        context={"signup_id": signup.pk},
        send_after=send_after,
        topic=f"session:{signup.session_id}",
        about=signup.session,
    )


def _reminders_queue(signup: Signup) -> None:
    now = timezone.now()
    for which, before in REMINDERS.items():
        send_after = signup.session.starts_at - before
        if send_after > now:
            _queue(signup, "trainings.reminder", _reminder_key(signup, which), send_after)


def signup_queue(*, signup: Signup) -> None:
    _queue(signup, "trainings.signup", f"trainings.signup:{signup.pk}")
    if signup.status == SignupStatus.CONFIRMED:
        _reminders_queue(signup)


def promoted_queue(*, signup: Signup) -> None:
    _queue(signup, "trainings.promoted", f"trainings.promoted:{signup.pk}")
    _reminders_queue(signup)


def reminders_cancel(*, signup: Signup) -> None:
    keys = [_reminder_key(signup, which) for which in REMINDERS]
    emails_cancel(keys=keys, reason="The place was given up.")


def reminders_reschedule(*, session) -> None:
    """The session moved: each reminder goes at its new time (or now, if that has passed)."""
    now = timezone.now()
    for signup in session.signups.filter(status=SignupStatus.CONFIRMED).select_related("user"):
        for which, before in REMINDERS.items():
            send_after = max(session.starts_at - before, now)
            moved = email_reschedule(key=_reminder_key(signup, which), send_after=send_after)
            if not moved and session.starts_at - before > now:
                _queue(signup, "trainings.reminder", _reminder_key(signup, which), send_after)


def change_notices_queue(*, session) -> None:
    stamp = int(timezone.now().timestamp())
    for signup in session.signups.filter(status__in=LIVE_SIGNUPS).select_related("user"):
        _queue(signup, "trainings.changed", f"trainings.changed:{signup.pk}:{stamp}")


def compose(context: dict) -> dict | None:
    """What the email says when it goes, or None when the place is no longer held."""
    signup = (
        Signup.objects.select_related("session__chapter", "user__profile")
        .filter(pk=context.get("signup_id"))
        .first()
    )
    if signup is None or signup.status not in LIVE_SIGNUPS or signup.session.has_ended:
        return None
    session = signup.session
    zone = reader_zone(signup.user, default=session.time_zone)
    return {
        **context,
        "person": {"first_name": signup.user.first_name, "email": signup.user.email},
        "session": {
            "title": session.title,
            "kind": session.get_kind_display(),
            "online": session.is_online,
            "join_url": session.join_url,
            "place": session.place,
        },
        "when": dual_time(
            session.starts_at,
            reader_zone=zone,
            place_zone=session.time_zone,
            place_label="the host's zone",
        ),
        "waitlisted": signup.status == SignupStatus.WAITLISTED,
        "session_url": settings.SITE_URL + reverse("trainings:detail", args=[session.pk]),
    }


def register_all() -> None:
    for kind in KINDS:
        composers.register(kind, compose)


def nudge_queue(*, event, user, items_left: list[str], day) -> bool:
    """A leader's reminder of what is left before the day; False if one went today already."""
    key = f"{NUDGE_KIND}:{event.pk}:{user.pk}:{day.isoformat()}"
    if Email.objects.filter(key=key).exists():
        return False
    email_queue(
        to=user.email,
        kind=NUDGE_KIND,
        key=key,
        template_prefix="trainings/email/nudge",
        context={
            "first_name": user.first_name,
            "event": event.name,
            "items_left": items_left,
            "url": settings.SITE_URL + reverse("events:detail", args=[event.slug]),
        },
        topic=f"event:{event.pk}",
        about=event,
    )
    return True


def _contact(user) -> dict:
    profile = user.profile
    return {
        "name": user.full_name or user.email,
        "email": user.email,
        "phone": str(profile.phone) if profile.phone else "",
        "city": profile.city,
    }


def introductions_queue(*, mentorship) -> None:
    """Introduce the mentor and the first-timer to each other, one email each."""
    event = mentorship.event
    mentor, mentee = mentorship.mentor, mentorship.mentee
    for person, other, role in ((mentor, mentee, "mentor"), (mentee, mentor, "mentee")):
        email_queue(
            to=person.email,
            kind=INTRODUCTION_KIND,
            key=f"{INTRODUCTION_KIND}:{mentorship.pk}:{person.pk}",
            template_prefix="trainings/email/introduction",
            context={
                "first_name": person.first_name,
                "role": role,
                "other": _contact(other),
                "event": event.name,
                "url": settings.SITE_URL
                + reverse(
                    "trainings:mentees" if role == "mentor" else "meetings:itinerary",
                    args=[event.slug],
                ),
            },
            topic=f"event:{event.pk}",
            about=event,
            reply_to=other.email,
        )

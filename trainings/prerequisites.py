"""The required training of a Day of Action: who has done it, and what to tell those who have not.

Registered in `PARTICIPATION_REQUIREMENTS` (a setting), so `meetings` refuses a seat
and the planner leaves the person out until they attended a session that counts
for the event, or a leader waived it for them (`Waiver`, kept on record).
"""

from django.utils import timezone

from common.local_times import as_zone
from events.models import Event
from trainings.models import Session, Signup, Waiver


def required_sessions(event: Event) -> list[Session]:
    return list(Session.objects.filter(counts_for=event).order_by("starts_at", "pk"))


def next_session(sessions: list[Session]) -> Session | None:
    now = timezone.now()
    return next((session for session in sessions if session.starts_at > now), None)


def cleared_user_ids(event: Event, user_ids, sessions: list[Session]) -> set[int]:
    """Those among `user_ids` who attended a session that counts, or were waived."""
    attended = Signup.objects.filter(
        session__in=sessions, user_id__in=user_ids, attended_at__isnull=False
    ).values_list("user_id", flat=True)
    waived = Waiver.objects.filter(event=event, user_id__in=user_ids).values_list(
        "user_id", flat=True
    )
    return set(attended) | set(waived)


def what_to_take(event: Event, sessions: list[Session]) -> str:
    upcoming = next_session(sessions)
    if upcoming is None:
        return (
            f"{event.name} requires {sessions[0].title}, which you have not attended, and no "
            "session of it is scheduled yet: ask your chapter leader."
        )
    local = upcoming.starts_at.astimezone(as_zone(upcoming.time_zone))
    return (
        f"{event.name} requires {upcoming.title} before you take a seat. The next one is "
        f"{local:%A, %B} {local.day} at {local:%-I:%M %p %Z}: sign up on the Trainings page."
    )


def missing_training(event: Event, user_ids: list[int]) -> dict[int, str]:
    """PARTICIPATION_REQUIREMENTS: the people who have not done the event's training."""
    sessions = required_sessions(event)
    if not sessions:
        return {}
    message = what_to_take(event, sessions)
    cleared = cleared_user_ids(event, user_ids, sessions)
    return {user_id: message for user_id in user_ids if user_id not in cleared}

"""Reads the trainings pages share, each in a fixed number of queries."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from chapters.models import Chapter, Membership
from chapters.selectors import led_chapter_ids
from events.models import Event, Registration
from members.models import User
from trainings.models import LIVE_SIGNUPS, Session, Signup, SignupStatus, Waiver


def sessions_visible_to(*, user: User) -> QuerySet[Session]:
    """National sessions and those of the person's chapters; staff see every session."""
    sessions = Session.objects.select_related("chapter").annotate(
        waiting=Count("signups", filter=Q(signups__status=SignupStatus.WAITLISTED))
    )
    if user.is_staff:
        return sessions
    mine = Membership.objects.filter(user=user).values("chapter_id")
    return sessions.filter(Q(chapter__isnull=True) | Q(chapter_id__in=mine))


def upcoming_sessions(*, user: User) -> QuerySet[Session]:
    return sessions_visible_to(user=user).filter(ends_at__gt=timezone.now())


def past_sessions(*, user: User) -> QuerySet[Session]:
    return sessions_visible_to(user=user).filter(ends_at__lte=timezone.now()).reverse()


def hosted_by(*, user: User) -> QuerySet[Session]:
    """Sessions this person may manage: staff all, leaders their chapters', hosts their own."""
    if user.is_staff:
        return Session.objects.all()
    return Session.objects.filter(Q(chapter_id__in=led_chapter_ids(user)) | Q(host=user))


def signups_of(*, user: User) -> dict[int, Signup]:
    """The person's live sign-ups, by session."""
    signups = Signup.objects.filter(user=user, status__in=LIVE_SIGNUPS)
    return {signup.session_id: signup for signup in signups}


def roster(*, session: Session) -> QuerySet[Signup]:
    return (
        Signup.objects.filter(session=session, status__in=LIVE_SIGNUPS)
        .select_related("user__profile")
        .order_by("status", "requested_at", "pk")
    )


def chapter_registrations(*, event: Event, chapters: QuerySet[Chapter]) -> list[Registration]:
    """The event's registered people who belong to one of these chapters, by name."""
    return list(
        Registration.objects.filter(
            event=event,
            user__in=Membership.objects.filter(chapter__in=chapters).values("user_id"),
        )
        .select_related("user__profile")
        .order_by("user__last_name", "user__first_name", "user_id")
    )


def waivers_of(*, event: Event, user_ids: list[int]) -> dict[int, Waiver]:
    waivers = Waiver.objects.filter(event=event, user_id__in=user_ids).select_related("waived_by")
    return {waiver.user_id: waiver for waiver in waivers}

"""Reads for chapters, with their joins right so page query counts stay flat."""

from django.db.models import Count, Prefetch, Q, QuerySet

from chapters.models import (
    LEADER_ROLES,
    OPEN_INVITATION_STATUSES,
    Chapter,
    Invitation,
    Membership,
)
from members.models import User


def chapters_with_counts() -> QuerySet[Chapter]:
    return Chapter.objects.prefetch_related("states").annotate(
        member_count=Count("memberships", distinct=True),
        leader_count=Count(
            "memberships", filter=Q(memberships__role__in=LEADER_ROLES), distinct=True
        ),
        open_invitation_count=Count(
            "invitations",
            filter=Q(invitations__status__in=OPEN_INVITATION_STATUSES),
            distinct=True,
        ),
    )


def led_chapter_ids(user: User) -> QuerySet:
    """The ids of the chapters this person leads (leader, vice chair or chair), as a subquery.

    Staff lead no chapter by being staff; `chapters_led_by` adds them everything.
    """
    return Membership.objects.filter(user=user, role__in=LEADER_ROLES).values("chapter_id")


def chapters_led_by(*, user: User, chapters: QuerySet[Chapter] | None = None) -> QuerySet[Chapter]:
    """The chapters a person may manage: those they lead, all for national staff.

    `chapters` narrows or decorates the queryset (default: with member counts).
    """
    chapters = chapters_with_counts() if chapters is None else chapters
    if user.is_staff:
        return chapters
    return chapters.filter(pk__in=led_chapter_ids(user))


def memberships_of(*, user: User) -> QuerySet[Membership]:
    leaders = Membership.objects.filter(role__in=LEADER_ROLES).select_related("user")
    return (
        Membership.objects.filter(user=user)
        .select_related("chapter")
        .prefetch_related(
            "chapter__states",
            Prefetch("chapter__memberships", queryset=leaders, to_attr="leader_memberships"),
        )
    )


def roster(*, chapter: Chapter) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(chapter=chapter)
        .select_related("user", "user__profile")
        .prefetch_related("user__profile__practice_areas")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def invitations_of(*, chapter: Chapter) -> QuerySet[Invitation]:
    return Invitation.objects.filter(chapter=chapter).select_related("invited_by")


def invitation_counts(*, chapter: Chapter) -> dict[str, int]:
    rows = Invitation.objects.filter(chapter=chapter).values_list("status").annotate(n=Count("id"))
    return dict(rows)

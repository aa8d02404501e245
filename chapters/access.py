"""One access helper per object: return it for this person, or raise 404/403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from chapters.models import LEADER_ROLES, Chapter, Invitation, Membership, Role
from common.access import object_for_staff
from members.models import User


def is_leader_of(user: User, chapter: Chapter) -> bool:
    return Membership.objects.filter(chapter=chapter, user=user, role__in=LEADER_ROLES).exists()


def leads_any_chapter(user: User) -> bool:
    return Membership.objects.filter(user=user, role__in=LEADER_ROLES).exists()


def chapter_for_leader(user: User, slug: str) -> Chapter:
    """A chapter its leaders and national staff may manage."""
    chapter = get_object_or_404(Chapter, slug=slug)
    if user.is_staff or is_leader_of(user, chapter):
        return chapter
    raise PermissionDenied("Only this chapter's leaders and national staff can do that.")


def chapter_for_role_change(user: User, slug: str) -> Chapter:
    """Roles are given by national staff and by the chapter's chair."""
    chapter = get_object_or_404(Chapter, slug=slug)
    if (
        user.is_staff
        or Membership.objects.filter(chapter=chapter, user=user, role=Role.CHAIR).exists()
    ):
        return chapter
    raise PermissionDenied("Only national staff and the chapter's chair can change roles.")


def chapter_for_staff(user: User, slug: str) -> Chapter:
    return object_for_staff(user, Chapter, slug=slug)


def membership_for_leader(user: User, slug: str, membership_id: int) -> Membership:
    chapter = chapter_for_leader(user, slug)
    return get_object_or_404(
        Membership.objects.select_related("user", "user__profile", "chapter"),
        chapter=chapter,
        pk=membership_id,
    )


def invitation_for_leader(user: User, slug: str, invitation_id: int) -> Invitation:
    chapter = chapter_for_leader(user, slug)
    return get_object_or_404(Invitation, chapter=chapter, pk=invitation_id)

"""Writes for chapters: the chapters themselves, roles and memberships."""

from django.db import transaction
from django.utils.text import slugify

from chapters.models import Chapter, ChapterState, Membership, Role
from members.models import User


class ChapterError(Exception):
    """A change to a chapter that cannot be made; the message says why."""


@transaction.atomic
def chapter_create(*, name: str, states: list[str], slug: str = "") -> Chapter:
    slug = slug or slugify(name)
    if Chapter.objects.filter(slug=slug).exists():
        raise ChapterError(f"A chapter with the address “{slug}” exists already.")
    chapter = Chapter.objects.create(name=name.strip(), slug=slug)
    _set_states(chapter, states)
    return chapter


@transaction.atomic
def chapter_update(*, chapter: Chapter, name: str, states: list[str]) -> Chapter:
    chapter.name = name.strip()
    chapter.save(update_fields=["name"])
    _set_states(chapter, states)
    return chapter


def _set_states(chapter: Chapter, states: list[str]) -> None:
    if not states:
        raise ChapterError("A chapter covers at least one state.")
    chapter.states.exclude(state__in=states).delete()
    have = set(chapter.states.values_list("state", flat=True))
    ChapterState.objects.bulk_create(
        ChapterState(chapter=chapter, state=state) for state in sorted(set(states) - have)
    )


_ROLE_RANK = {Role.MEMBER: 0, Role.LEADER: 1, Role.VICE_CHAIR: 2, Role.CHAIR: 3}


@transaction.atomic
def membership_add(*, chapter: Chapter, user: User, role: str = Role.MEMBER) -> Membership:
    """Put a person in a chapter; an existing membership keeps the higher of the two roles."""
    membership, created = Membership.objects.select_for_update().get_or_create(
        chapter=chapter, user=user, defaults={"role": role}
    )
    if not created and _ROLE_RANK[role] > _ROLE_RANK[membership.role]:
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str) -> Membership:
    if role not in Role.values:
        raise ChapterError(f"“{role}” is not a role.")
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    membership.delete()

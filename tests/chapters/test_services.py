import pytest
from django.db import IntegrityError, transaction

from chapters.models import Chapter, ChapterState, Membership, Role
from chapters.services import (
    ChapterError,
    chapter_create,
    chapter_update,
    membership_add,
    membership_remove,
    membership_set_role,
)
from tests.factories import MembershipFactory, UserFactory


def test_chapter_create_makes_slug_and_states(db):
    chapter = chapter_create(name=" New England ", states=["VT", "ME", "NH"])
    assert (chapter.name, chapter.slug, chapter.state_codes) == (
        "New England",
        "new-england",
        ["ME", "NH", "VT"],
    )


def test_chapter_create_with_given_slug(db):
    chapter = chapter_create(name="Ohio Valley", slug="ohio", states=["OH"])
    assert chapter.slug == "ohio"


def test_chapter_create_without_states_creates_nothing(db):
    with pytest.raises(ChapterError) as error:
        chapter_create(name="Nowhere", states=[])
    assert str(error.value) == "A chapter covers at least one state."
    assert Chapter.objects.filter(name="Nowhere").exists() is False


def test_chapter_create_taken_slug_is_refused(chapter):
    with pytest.raises(ChapterError) as error:
        chapter_create(name="MN Dakotas", states=["MN"])
    assert str(error.value) == "A chapter with the address “mn-dakotas” exists already."
    assert Chapter.objects.count() == 1


def test_chapter_update_replaces_states(chapter):
    chapter_update(chapter=chapter, name="Minnesota/Iowa", states=["MN", "IA"])
    chapter.refresh_from_db()
    assert (chapter.name, chapter.state_codes) == ("Minnesota/Iowa", ["IA", "MN"])


def test_chapter_update_without_states_keeps_old_ones(chapter):
    with pytest.raises(ChapterError):
        chapter_update(chapter=chapter, name="Renamed", states=[])
    chapter.refresh_from_db()
    assert (chapter.name, chapter.state_codes) == ("Minnesota/Dakotas", ["MN", "ND", "SD"])


def test_chapter_state_twice_violates_constraint(chapter):
    with pytest.raises(IntegrityError), transaction.atomic():
        ChapterState.objects.create(chapter=chapter, state="MN")


def test_membership_add_creates_with_role(chapter):
    user = UserFactory()
    membership = membership_add(chapter=chapter, user=user, role=Role.LEADER)
    assert (membership.chapter, membership.user, membership.role) == (chapter, user, Role.LEADER)


@pytest.mark.parametrize(
    ("existing", "added", "kept"),
    [
        (Role.MEMBER, Role.LEADER, Role.LEADER),
        (Role.LEADER, Role.MEMBER, Role.LEADER),
        (Role.CHAIR, Role.LEADER, Role.CHAIR),
        (Role.CHAIR, Role.MEMBER, Role.CHAIR),
        (Role.LEADER, Role.VICE_CHAIR, Role.VICE_CHAIR),
        (Role.VICE_CHAIR, Role.CHAIR, Role.CHAIR),
    ],
)
def test_membership_add_existing_keeps_higher_role(chapter, existing, added, kept):
    membership = MembershipFactory(chapter=chapter, role=existing)
    again = membership_add(chapter=chapter, user=membership.user, role=added)
    assert (again.pk, again.role) == (membership.pk, kept)
    assert Membership.objects.filter(user=membership.user).count() == 1


def test_membership_twice_violates_constraint(chapter, member):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(chapter=chapter, user=member)


def test_membership_unknown_role_violates_constraint(chapter):
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(chapter=chapter, role="king")


def test_membership_set_role_changes_role(member_membership):
    membership_set_role(membership=member_membership, role=Role.CHAIR)
    member_membership.refresh_from_db()
    assert member_membership.role == Role.CHAIR


def test_membership_set_role_unknown_is_refused(member_membership):
    with pytest.raises(ChapterError) as error:
        membership_set_role(membership=member_membership, role="king")
    assert str(error.value) == "“king” is not a role."
    member_membership.refresh_from_db()
    assert member_membership.role == Role.MEMBER


def test_membership_remove_deletes_only_that_membership(chapter, other_chapter, member):
    elsewhere = membership_add(chapter=other_chapter, user=member)
    membership_remove(membership=Membership.objects.get(chapter=chapter, user=member))
    assert list(Membership.objects.filter(user=member)) == [elsewhere]

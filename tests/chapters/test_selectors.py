from chapters.models import InvitationStatus, Role
from chapters.selectors import (
    chapters_led_by,
    chapters_with_counts,
    invitation_counts,
    memberships_of,
    roster,
)
from tests.factories import InvitationFactory, MembershipFactory


def counts(chapter) -> tuple[int, int, int]:
    return (chapter.member_count, chapter.leader_count, chapter.open_invitation_count)


def fill(chapter) -> None:
    MembershipFactory(chapter=chapter, role=Role.VICE_CHAIR)
    MembershipFactory.create_batch(2, chapter=chapter, role=Role.MEMBER)
    InvitationFactory.create_batch(2, chapter=chapter, status=InvitationStatus.SENT)
    InvitationFactory(chapter=chapter, status=InvitationStatus.REVOKED)


def test_chapters_with_counts_counts_people_leaders_and_open_invitations(chapter, leader):
    fill(chapter)
    assert counts(chapters_with_counts().get(pk=chapter.pk)) == (4, 2, 2)


def test_chapters_led_by_leader_keeps_counts_right(chapter, leader, other_chapter):
    # Filtering on memberships after counting them must not multiply the counts.
    fill(chapter)
    (led,) = chapters_led_by(user=leader)
    assert (led, counts(led)) == (chapter, (4, 2, 2))


def test_chapters_led_by_member_is_empty(chapter, member):
    assert list(chapters_led_by(user=member)) == []


def test_chapters_led_by_staff_is_every_chapter(staff, chapter, other_chapter):
    assert list(chapters_led_by(user=staff)) == [chapter, other_chapter]


def test_memberships_of_lists_leaders_of_each_chapter(member, leader, chapter, other_chapter):
    MembershipFactory(chapter=other_chapter, user=member)
    memberships = list(memberships_of(user=member))
    assert [m.chapter for m in memberships] == [chapter, other_chapter]
    assert [lm.user for lm in memberships[0].chapter.leader_memberships] == [leader]


def test_roster_is_ordered_by_name(chapter):
    zed = MembershipFactory(chapter=chapter, user__last_name="Zed", user__first_name="A")
    abe = MembershipFactory(chapter=chapter, user__last_name="Abe", user__first_name="B")
    assert list(roster(chapter=chapter)) == [abe, zed]


def test_invitation_counts_by_status(chapter):
    fill(chapter)
    assert invitation_counts(chapter=chapter) == {"sent": 2, "revoked": 1}


def test_every_leading_role_leads_and_members_do_not(chapter, other_chapter):
    from chapters.selectors import led_chapter_ids

    for role in (Role.LEADER, Role.VICE_CHAIR, Role.CHAIR):
        person = MembershipFactory(chapter=chapter, role=role).user
        MembershipFactory(chapter=other_chapter, user=person, role=Role.MEMBER)
        assert list(led_chapter_ids(person).values_list("chapter_id", flat=True)) == [chapter.pk]
    member = MembershipFactory(chapter=chapter, role=Role.MEMBER).user
    assert not led_chapter_ids(member).exists()


def test_chapters_led_by_takes_the_callers_queryset(chapter, other_chapter, leader):
    from chapters.models import Chapter

    chapters = Chapter.objects.filter(pk=other_chapter.pk)
    assert list(chapters_led_by(user=leader, chapters=chapters)) == []
    assert list(chapters_led_by(user=leader, chapters=Chapter.objects.all())) == [chapter]

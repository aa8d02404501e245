"""Who may open and change what in the chapter pages: one table per view family.

Rows are the people asking; `team_leader` is a chapter leader who is not its
chair. A forbidden request must leave the database as it was.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chapters.models import Chapter, Invitation, InvitationStatus, Membership, Role
from tests import permissions
from tests.factories import MembershipFactory
from tests.permissions import LOGIN, assert_status

# The shared matrix's roles and, between member and leader, a leader who is not the chair.
ROLES = ("anonymous", "member", "team_leader", "leader", "other_leader", "staff")


def matrix(table: dict[str, tuple]) -> list:
    return permissions.matrix(table, roles=ROLES)


def row(expected: tuple) -> list:
    return [
        pytest.param(role, outcome, id=role) for role, outcome in zip(ROLES, expected, strict=True)
    ]


@pytest.fixture
def page_urls(chapter, member_membership, sent_invitation):
    slug = {"slug": chapter.slug}
    membership = {**slug, "membership_id": member_membership.pk}
    invitation = {**slug, "invitation_id": sent_invitation.pk}
    return {
        "list": reverse("chapters:list"),
        "create": reverse("chapters:create"),
        "roster": reverse("chapters:roster", kwargs=slug),
        "edit": reverse("chapters:edit", kwargs=slug),
        "member": reverse("chapters:member", kwargs=membership),
        "member_role": reverse("chapters:member_role", kwargs=membership),
        "member_remove": reverse("chapters:member_remove", kwargs=membership),
        "invitations": reverse("chapters:invitations", kwargs=slug),
        "invitation_upload": reverse("chapters:invitation_upload", kwargs=slug),
        "invitation_resend": reverse("chapters:invitation_resend", kwargs=invitation),
        "invitation_revoke": reverse("chapters:invitation_revoke", kwargs=invitation),
    }


# fmt: off
PAGES = {
    #                     anonymous member team_leader leader other_leader staff
    "list":              (LOGIN,    403,   200,        200,   200,         200),
    "create":            (LOGIN,    403,   403,        403,   403,         200),
    "roster":            (LOGIN,    403,   200,        200,   403,         200),
    "edit":              (LOGIN,    403,   403,        403,   403,         200),
    "member":            (LOGIN,    403,   200,        200,   403,         200),
    "invitations":       (LOGIN,    403,   200,        200,   403,         200),
    "invitation_upload": (LOGIN,    403,   200,        200,   403,         200),
}
# Changes are POST only: a GET is refused before anything else, once logged in.
POST_ONLY = {
    "member_role":       (LOGIN,    405,   405,        405,   405,         405),
    "member_remove":     (LOGIN,    405,   405,        405,   405,         405),
    "invitation_resend": (LOGIN,    405,   405,        405,   405,         405),
    "invitation_revoke": (LOGIN,    405,   405,        405,   405,         405),
}
# fmt: on


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_chapter_page_get_by_role(client_as, page_urls, view, role, expected):
    response = client_as(role).get(page_urls[view])
    assert_status(response, expected)


@pytest.mark.parametrize(("view", "role", "expected"), matrix(POST_ONLY))
def test_chapter_change_get_is_refused(client_as, page_urls, view, role, expected):
    response = client_as(role).get(page_urls[view])
    assert_status(response, expected)


def test_chapter_list_for_leader_shows_only_their_chapters(client, leader, chapter, other_chapter):
    client.force_login(leader)
    response = client.get(reverse("chapters:list"))
    assert [c.slug for c in response.context["chapters"]] == [chapter.slug]


def test_chapter_list_for_staff_shows_every_chapter(client, staff, chapter, other_chapter):
    client.force_login(staff)
    response = client.get(reverse("chapters:list"))
    assert [c.slug for c in response.context["chapters"]] == ["mn-dakotas", "tennessee"]


@pytest.mark.parametrize(("role", "expected"), row((LOGIN, 403, 403, 302, 403, 302)))
def test_member_role_post_by_role(client_as, page_urls, member_membership, role, expected):
    response = client_as(role).post(page_urls["member_role"], {"role": Role.VICE_CHAIR})
    assert_status(response, expected)
    member_membership.refresh_from_db()
    assert member_membership.role == (Role.VICE_CHAIR if expected == 302 else Role.MEMBER)


def test_member_role_post_unknown_role_changes_nothing(
    client, leader, page_urls, member_membership
):
    client.force_login(leader)
    response = client.post(page_urls["member_role"], {"role": "president"})
    assert response.status_code == 302
    member_membership.refresh_from_db()
    assert member_membership.role == Role.MEMBER


@pytest.mark.parametrize(("role", "expected"), row((LOGIN, 403, 302, 302, 403, 302)))
def test_member_remove_post_by_role(client_as, page_urls, member_membership, role, expected):
    response = client_as(role).post(page_urls["member_remove"])
    assert_status(response, expected)
    still_there = Membership.objects.filter(pk=member_membership.pk).exists()
    assert still_there == (expected != 302)


@pytest.mark.parametrize(("role", "expected"), row((LOGIN, 403, 403, 302, 403, 302)))
def test_member_remove_of_a_leader_by_role(client_as, chapter, role, expected):
    vice_chair = MembershipFactory(chapter=chapter, role=Role.VICE_CHAIR)
    url = reverse("chapters:member_remove", args=[chapter.slug, vice_chair.pk])
    response = client_as(role).post(url)
    assert_status(response, expected)
    assert Membership.objects.filter(pk=vice_chair.pk).exists() == (expected != 302)


def test_member_remove_of_oneself_is_refused(client, leader, chapter):
    own = Membership.objects.get(chapter=chapter, user=leader)
    client.force_login(leader)
    response = client.post(reverse("chapters:member_remove", args=[chapter.slug, own.pk]))
    assert response.status_code == 302
    assert Membership.objects.filter(pk=own.pk).exists() is True


@pytest.mark.parametrize(("role", "expected"), row((LOGIN, 403, 302, 302, 403, 302)))
def test_invitation_resend_post_by_role(
    client_as, page_urls, sent_invitation, mailoutbox, django_capture_on_commit_callbacks, role,
    expected,
):  # fmt: skip
    old_hash = sent_invitation.token_hash
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(role).post(page_urls["invitation_resend"])
    assert_status(response, expected)
    sent_invitation.refresh_from_db()
    if expected == 302:
        assert (sent_invitation.times_sent, len(mailoutbox)) == (2, 1)
        assert sent_invitation.token_hash != old_hash
    else:
        assert (sent_invitation.times_sent, len(mailoutbox)) == (1, 0)
        assert sent_invitation.token_hash == old_hash


@pytest.mark.parametrize(("role", "expected"), row((LOGIN, 403, 302, 302, 403, 302)))
def test_invitation_revoke_post_by_role(client_as, page_urls, sent_invitation, role, expected):
    response = client_as(role).post(page_urls["invitation_revoke"])
    assert_status(response, expected)
    sent_invitation.refresh_from_db()
    revoked = InvitationStatus.REVOKED if expected == 302 else InvitationStatus.SENT
    assert sent_invitation.status == revoked


@pytest.mark.parametrize(("role", "expected"), row((LOGIN, 403, 302, 302, 403, 302)))
def test_invitation_create_post_by_role(client_as, page_urls, role, expected):
    response = client_as(role).post(
        page_urls["invitations"], {"email": "new.person@example.org", "role": Role.MEMBER}
    )
    assert_status(response, expected)
    created = Invitation.objects.filter(email="new.person@example.org").count()
    assert created == (1 if expected == 302 else 0)


@pytest.mark.parametrize(("role", "expected"), row((LOGIN, 403, 302, 302, 403, 302)))
def test_invitation_upload_post_by_role(client_as, page_urls, role, expected):
    upload = SimpleUploadedFile("people.csv", b"email\nana@example.org\nsam@example.org\n")
    response = client_as(role).post(page_urls["invitation_upload"], {"file": upload})
    assert_status(response, expected)
    created = Invitation.objects.filter(email__in=["ana@example.org", "sam@example.org"])
    assert created.count() == (2 if expected == 302 else 0)


@pytest.mark.parametrize(("role", "expected"), row((LOGIN, 403, 403, 403, 403, 302)))
def test_chapter_create_post_by_role(client_as, page_urls, role, expected):
    response = client_as(role).post(page_urls["create"], {"name": "Ohio", "states": ["OH"]})
    assert_status(response, expected)
    assert Chapter.objects.filter(name="Ohio").exists() == (expected == 302)


@pytest.mark.parametrize(("role", "expected"), row((LOGIN, 403, 403, 403, 403, 302)))
def test_chapter_edit_post_by_role(client_as, page_urls, chapter, role, expected):
    response = client_as(role).post(page_urls["edit"], {"name": "Upper Midwest", "states": ["MN"]})
    assert_status(response, expected)
    chapter.refresh_from_db()
    assert chapter.name == ("Upper Midwest" if expected == 302 else "Minnesota/Dakotas")
    assert chapter.state_codes == (["MN"] if expected == 302 else ["MN", "ND", "SD"])


def test_member_page_for_team_leader_hides_role_change(client, team_leader, page_urls):
    client.force_login(team_leader)
    response = client.get(page_urls["member"])
    assert response.context["can_change_roles"] is False


def test_member_page_for_chair_offers_role_change(client, leader, page_urls):
    client.force_login(leader)
    response = client.get(page_urls["member"])
    assert response.context["can_change_roles"] is True


def test_member_of_other_chapter_is_not_found_through_this_chapter(
    client, leader, chapter, other_leader, other_chapter
):
    outsider = Membership.objects.get(chapter=other_chapter, user=other_leader)
    client.force_login(leader)
    url = reverse("chapters:member", args=[chapter.slug, outsider.pk])
    assert client.get(url).status_code == 404
    response = client.post(reverse("chapters:member_remove", args=[chapter.slug, outsider.pk]))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=outsider.pk).exists() is True

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from chapters.forms import ChapterForm
from chapters.models import Chapter, Invitation, InvitationStatus, Membership, Role
from members.models import User
from tests.chapters.conftest import INVITATION_TOKEN
from tests.factories import PASSWORD, UserFactory

RESPOND_URL = reverse("invitation_respond", args=[INVITATION_TOKEN])


# The public page behind the invitation link: everyone may open it.

# fmt: off
RESPOND_PAGE = {
    #           anonymous member team_leader leader other_leader staff
    "respond": (200,      200,   200,        200,   200,         200),
}
# fmt: on


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        pytest.param(role, status, id=role)
        for role, status in zip(
            ("anonymous", "member", "team_leader", "leader", "other_leader", "staff"),
            RESPOND_PAGE["respond"],
            strict=True,
        )
    ],
)
def test_invitation_respond_get_by_role(client_as, sent_invitation, role, expected):
    response = client_as(role).get(RESPOND_URL)
    assert response.status_code == expected
    sent_invitation.refresh_from_db()
    assert sent_invitation.status == InvitationStatus.OPENED


@pytest.mark.parametrize("token", ["nope", "x" * 500, "%E2%9C%93", "..", "a.b-c_d"])
def test_invitation_respond_bad_token_shows_friendly_page(client, db, token):
    response = client.get(f"/invitations/{token}/")
    assert response.status_code == 200
    assert response.context["reason"] == (
        "This invitation link is not valid. It may have been replaced by a newer one."
    )


def test_invitation_respond_new_account_joins_and_logs_in(client, chapter, sent_invitation):
    response = client.post(
        RESPOND_URL,
        {
            "first_name": "Ana",
            "last_name": "Lopez",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("profile_edit")
    user = User.objects.get(email="invitee@example.org")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert EmailAddress.objects.get(user=user).verified is True
    assert Membership.objects.get(user=user).chapter == chapter


def test_invitation_respond_new_account_with_mismatched_passwords_rerenders(
    client, sent_invitation
):
    response = client.post(
        RESPOND_URL,
        {
            "first_name": "Ana",
            "last_name": "Lopez",
            "password1": "a-long-enough-passphrase",
            "password2": "another-long-passphrase",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"password2": ["The two passwords differ."]}
    assert User.objects.filter(email="invitee@example.org").exists() is False


def test_invitation_respond_new_account_with_weak_password_rerenders(client, sent_invitation):
    response = client.post(
        RESPOND_URL,
        {"first_name": "Ana", "last_name": "Lopez", "password1": "123", "password2": "123"},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["password1"]
    assert User.objects.filter(email="invitee@example.org").exists() is False


def test_invitation_respond_for_existing_account_asks_to_log_in(client, sent_invitation):
    UserFactory(email="invitee@example.org")
    response = client.post(RESPOND_URL, {"first_name": "Ana"})
    assert response.status_code == 200
    assert (response.context["has_account"], response.context["form"]) == (True, None)
    assert response.context["login_url"] == reverse("account_login") + "?next=" + RESPOND_URL
    assert Membership.objects.filter(user__email="invitee@example.org").exists() is False


def test_invitation_respond_logged_in_invitee_accepts(client, chapter, sent_invitation):
    invitee = UserFactory(email="invitee@example.org")
    client.force_login(invitee)
    response = client.post(RESPOND_URL)
    assert (response.status_code, response.url) == (302, reverse("home"))
    assert Membership.objects.get(user=invitee).chapter == chapter


def test_invitation_respond_logged_in_as_someone_else_is_refused(
    client, chapter, sent_invitation, other_leader
):
    client.force_login(other_leader)
    response = client.post(RESPOND_URL, follow=True)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "This invitation was sent to invitee@example.org. Log in with that address to accept it."
    ]
    assert Membership.objects.filter(chapter=chapter, user=other_leader).exists() is False
    sent_invitation.refresh_from_db()
    assert sent_invitation.status == InvitationStatus.OPENED


def test_invitation_respond_login_then_accept(client, chapter, sent_invitation):
    invitee = UserFactory(email="invitee@example.org")
    response = client.post(
        reverse("account_login") + "?next=" + RESPOND_URL,
        {"login": "INVITEE@example.org", "password": PASSWORD},
    )
    assert (response.status_code, response.url) == (302, RESPOND_URL)
    client.post(RESPOND_URL)
    assert Membership.objects.get(user=invitee).chapter == chapter


# Chapter form: states required, names unique.


def test_chapter_form_requires_a_state(db):
    form = ChapterForm({"name": "Ohio"})
    assert form.errors == {"states": ["This field is required."]}


def test_chapter_form_refuses_duplicate_name_in_other_case(chapter):
    form = ChapterForm({"name": "minnesota/dakotas", "states": ["MN"]})
    assert form.errors == {"name": ["Another chapter has this name."]}


def test_chapter_form_refuses_unknown_state(db):
    form = ChapterForm({"name": "Atlantis", "states": ["XX"]})
    assert list(form.errors) == ["states"]


def test_chapter_form_for_edit_keeps_own_name(chapter):
    form = ChapterForm({"name": "Minnesota/Dakotas", "states": ["MN"]}, chapter=chapter)
    assert form.is_valid() is True


def test_chapter_create_view_new_chapter_redirects_to_roster(client, staff):
    client.force_login(staff)
    response = client.post(reverse("chapters:create"), {"name": "Ohio", "states": ["OH", "KY"]})
    chapter = Chapter.objects.get(name="Ohio")
    assert (response.status_code, response.url) == (
        302,
        reverse("chapters:roster", args=[chapter.slug]),
    )
    assert chapter.state_codes == ["KY", "OH"]


def test_chapter_create_view_without_state_rerenders(client, staff):
    client.force_login(staff)
    response = client.post(reverse("chapters:create"), {"name": "Ohio"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"states": ["This field is required."]}
    assert Chapter.objects.filter(name="Ohio").exists() is False


def test_chapter_create_view_duplicate_name_rerenders(client, staff, chapter):
    client.force_login(staff)
    response = client.post(
        reverse("chapters:create"), {"name": "MINNESOTA/DAKOTAS", "states": ["MN"]}
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"name": ["Another chapter has this name."]}
    assert Chapter.objects.count() == 1


def test_chapter_create_view_taken_slug_rerenders(client, staff, chapter):
    client.force_login(staff)
    response = client.post(reverse("chapters:create"), {"name": "MN Dakotas", "states": ["MN"]})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "A chapter with the address “mn-dakotas” exists already."
    ]
    assert Chapter.objects.count() == 1


def test_chapter_edit_view_duplicate_name_rerenders(client, staff, chapter, other_chapter):
    client.force_login(staff)
    response = client.post(
        reverse("chapters:edit", args=[chapter.slug]), {"name": "tennessee", "states": ["MN"]}
    )
    assert response.status_code == 200
    chapter.refresh_from_db()
    assert (chapter.name, chapter.state_codes) == ("Minnesota/Dakotas", ["MN", "ND", "SD"])


# Invitation form on the invitations page.


def test_invitation_list_post_existing_member_shows_error(client, leader, chapter, member):
    client.force_login(leader)
    response = client.post(
        reverse("chapters:invitations", args=[chapter.slug]),
        {"email": member.email, "role": Role.MEMBER},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "email": [f"{member.email} is already a member of Minnesota/Dakotas."]
    }
    assert Invitation.objects.count() == 0


def test_invitation_list_post_chair_role_is_refused(client, leader, chapter):
    client.force_login(leader)
    response = client.post(
        reverse("chapters:invitations", args=[chapter.slug]),
        {"email": "ana@example.org", "role": Role.CHAIR},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["role"]
    assert Invitation.objects.count() == 0


def test_member_role_change_by_chair_changes_role(client, leader, member_membership):
    client.force_login(leader)
    url = reverse(
        "chapters:member_role", args=[member_membership.chapter.slug, member_membership.pk]
    )
    response = client.post(url, {"role": Role.LEADER}, follow=True)
    member_membership.refresh_from_db()
    assert member_membership.role == Role.LEADER
    assert [str(m) for m in response.context["messages"]] == [
        f"{member_membership.user} is now leader."
    ]


def test_member_detail_for_account_without_profile(client, leader, chapter):
    # Accounts made in the admin or the shell have no profile until they use the site.
    bare = User.objects.create_user(email="bare@example.org", password=PASSWORD)
    membership = Membership.objects.create(chapter=chapter, user=bare)
    client.force_login(leader)
    response = client.get(reverse("chapters:member", args=[chapter.slug, membership.pk]))
    assert response.status_code == 200
    roster = client.get(reverse("chapters:roster", args=[chapter.slug]))
    assert roster.status_code == 200


# Junk input never answers 500.


@pytest.mark.parametrize(
    "query",
    [
        "?page=999999999",
        "?page=-3",
        "?page=abc",
        "?role=king",
        "?state=XX",
        "?practice_area=999999",
        "?practice_area=abc",
        "?first_time=maybe",
        "?q=" + "%00" * 3,
        "?q=" + "a" * 2000,
    ],
)
def test_roster_junk_query_answers_200(client, leader, chapter, member, query):
    client.force_login(leader)
    response = client.get(reverse("chapters:roster", args=[chapter.slug]) + query)
    assert response.status_code == 200


@pytest.mark.parametrize("query", ["?status=bogus", "?page=999999", "?status=sent&page=x"])
def test_invitation_list_junk_query_answers_200(client, leader, chapter, sent_invitation, query):
    client.force_login(leader)
    response = client.get(reverse("chapters:invitations", args=[chapter.slug]) + query)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/chapters/no-such-chapter/",
        "/chapters/no-such-chapter/edit/",
        "/chapters/no-such-chapter/invitations/",
        "/chapters/mn-dakotas/members/999999/",
        "/chapters/mn-dakotas/invitations/999999/resend/",
    ],
)
def test_unknown_object_answers_404(client, staff, chapter, url):
    client.force_login(staff)
    method = client.post if url.endswith("resend/") else client.get
    response = method(url)
    assert response.status_code == 404
    assert "errors/404.html" in [t.name for t in response.templates]


def test_invitation_resend_of_revoked_shows_message(client, leader, chapter, sent_invitation):
    sent_invitation.status = InvitationStatus.REVOKED
    sent_invitation.save()
    client.force_login(leader)
    response = client.post(
        reverse("chapters:invitation_resend", args=[chapter.slug, sent_invitation.pk]),
        follow=True,
    )
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "An invitation that is revoked cannot be resent."
    ]

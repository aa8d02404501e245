from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.utils import timezone

from chapters import tasks
from chapters.invitations import (
    InvitationError,
    InviteeData,
    hash_token,
    invitation_accept,
    invitation_accept_with_new_account,
    invitation_create,
    invitation_for_token,
    invitation_resend,
    invitation_revoke,
    invitation_send,
    invitations_create,
)
from chapters.models import Invitation, InvitationStatus, Membership, Role
from outbox.models import Email
from tests.chapters.conftest import INVITATION_TOKEN
from tests.factories import InvitationFactory, MembershipFactory, UserFactory


def past(days: int = 1):
    return timezone.now() - timedelta(days=days)


def test_invitation_create_queues_one_email(
    chapter, leader, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invitation_create(
            chapter=chapter,
            invitee=InviteeData(email=" Ana.Lopez@Example.org ", first_name="Ana"),
            invited_by=leader,
        )
    invitation.refresh_from_db()
    assert (invitation.email, invitation.status, invitation.times_sent) == (
        "ana.lopez@example.org",
        InvitationStatus.SENT,
        1,
    )
    assert [message.to for message in mailoutbox] == [["ana.lopez@example.org"]]
    assert [mime for _, mime in mailoutbox[0].alternatives] == ["text/html"]
    assert "/invitations/" in mailoutbox[0].body


def test_invitation_create_nothing_is_sent_before_commit(
    chapter, leader, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invitation_create(
            chapter=chapter, invitee=InviteeData(email="ana@example.org"), invited_by=leader
        )
    assert (len(callbacks), len(mailoutbox)) == (1, 0)


def test_invitation_create_duplicate_email_in_other_case_is_refused(chapter, sent_invitation):
    with pytest.raises(InvitationError) as error:
        invitation_create(
            chapter=chapter, invitee=InviteeData(email="INVITEE@example.org"), invited_by=None
        )
    assert str(error.value) == (
        "invitee@example.org has an open invitation to Minnesota/Dakotas already: "
        "resend it instead."
    )
    assert Invitation.objects.filter(chapter=chapter).count() == 1


def test_invitation_create_for_existing_member_is_refused(chapter, member):
    with pytest.raises(InvitationError) as error:
        invitation_create(
            chapter=chapter, invitee=InviteeData(email=member.email.upper()), invited_by=None
        )
    assert str(error.value) == f"{member.email} is already a member of Minnesota/Dakotas."
    assert Invitation.objects.count() == 0


def test_invitation_create_after_a_closed_one_is_allowed(chapter):
    InvitationFactory(chapter=chapter, email="ana@example.org", status=InvitationStatus.REVOKED)
    invitation_create(
        chapter=chapter, invitee=InviteeData(email="ana@example.org"), invited_by=None
    )
    assert Invitation.objects.filter(email="ana@example.org").count() == 2


def test_invitation_create_same_email_in_another_chapter_is_allowed(
    chapter, other_chapter, sent_invitation
):
    invitation_create(
        chapter=other_chapter, invitee=InviteeData(email=sent_invitation.email), invited_by=None
    )
    assert Invitation.objects.filter(email=sent_invitation.email).count() == 2


def test_invitations_create_listing_one_address_twice_creates_nothing(chapter):
    with pytest.raises(InvitationError) as error:
        invitations_create(
            chapter=chapter,
            invitees=[InviteeData(email="ana@example.org"), InviteeData(email="ANA@example.org")],
            invited_by=None,
        )
    assert str(error.value) == "ana@example.org is listed twice."
    assert Invitation.objects.count() == 0


def test_invitation_open_duplicate_in_other_case_violates_constraint(chapter, sent_invitation):
    with pytest.raises(IntegrityError), transaction.atomic():
        InvitationFactory(chapter=chapter, email="Invitee@Example.ORG")


def test_invitation_closed_duplicate_passes_constraint(chapter, sent_invitation):
    InvitationFactory(
        chapter=chapter, email="invitee@example.org", status=InvitationStatus.EXPIRED
    )
    assert Invitation.objects.filter(email="invitee@example.org").count() == 2


def test_invitation_send_queues_one_outbox_row_about_the_invitation(chapter):
    invitation = InvitationFactory(chapter=chapter, status=InvitationStatus.PENDING)

    invitation_send(invitation_id=invitation.pk)

    rows = Email.objects.filter(kind="chapters.invitation", to=invitation.email)
    assert [row.topic for row in rows] == [f"invitation:{invitation.pk}"]


def test_invitation_unknown_status_violates_constraint(chapter):
    with pytest.raises(IntegrityError), transaction.atomic():
        InvitationFactory(chapter=chapter, status="lost")


def test_invitation_send_twice_sends_one_email(
    chapter, mailoutbox, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory(chapter=chapter, status=InvitationStatus.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        assert invitation_send(invitation_id=invitation.pk) is True
        assert invitation_send(invitation_id=invitation.pk) is False
    invitation.refresh_from_db()
    assert (len(mailoutbox), invitation.times_sent, invitation.status) == (
        1,
        1,
        InvitationStatus.SENT,
    )


def test_invitation_send_task_for_deleted_row_does_nothing(db, mailoutbox):
    tasks.send_invitation.delay(invitation_id=987654)
    assert len(mailoutbox) == 0


def test_invitation_send_link_opens_the_invitation(
    chapter, mailoutbox, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory(chapter=chapter, status=InvitationStatus.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        invitation_send(invitation_id=invitation.pk)
    link = next(word for word in mailoutbox[0].body.split() if "/invitations/" in word)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert invitation_for_token(token=token).pk == invitation.pk


def test_invitation_for_token_marks_opened(sent_invitation):
    invitation = invitation_for_token(token=INVITATION_TOKEN)
    sent_invitation.refresh_from_db()
    assert (invitation.status, sent_invitation.status) == (
        InvitationStatus.OPENED,
        InvitationStatus.OPENED,
    )
    assert sent_invitation.opened_at is not None


def test_invitation_for_token_unknown_token_is_refused(sent_invitation):
    with pytest.raises(InvitationError) as error:
        invitation_for_token(token="not-a-token")
    assert str(error.value) == (
        "This invitation link is not valid. It may have been replaced by a newer one."
    )


def test_invitation_for_token_expired_link_is_refused_and_marked(sent_invitation):
    sent_invitation.expires_at = past()
    sent_invitation.save()
    with pytest.raises(InvitationError) as error:
        invitation_for_token(token=INVITATION_TOKEN)
    assert str(error.value) == (
        "This invitation has expired. Ask your chapter leader to send it again."
    )
    sent_invitation.refresh_from_db()
    assert sent_invitation.status == InvitationStatus.EXPIRED


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (InvitationStatus.REVOKED, "This invitation was withdrawn by the chapter."),
        (
            InvitationStatus.ACCEPTED,
            "This invitation has been accepted already. Log in to continue.",
        ),
    ],
)
def test_invitation_for_token_closed_invitation_is_refused(sent_invitation, status, reason):
    sent_invitation.status = status
    sent_invitation.save()
    with pytest.raises(InvitationError) as error:
        invitation_for_token(token=INVITATION_TOKEN)
    assert str(error.value) == reason


def test_invitation_accept_by_the_invited_user_adds_membership(chapter, sent_invitation):
    sent_invitation.role = Role.LEADER
    sent_invitation.save()
    user = UserFactory(email="invitee@example.org")
    membership = invitation_accept(invitation=sent_invitation, user=user)
    sent_invitation.refresh_from_db()
    assert (membership.chapter, membership.user, membership.role) == (chapter, user, Role.LEADER)
    assert (sent_invitation.status, sent_invitation.accepted_by) == (
        InvitationStatus.ACCEPTED,
        user,
    )


def test_invitation_accept_by_owner_of_a_verified_second_address(chapter, sent_invitation):
    user = UserFactory(email="work@example.org")
    EmailAddress.objects.create(user=user, email="Invitee@example.org", verified=True)
    invitation_accept(invitation=sent_invitation, user=user)
    assert Membership.objects.filter(chapter=chapter, user=user).exists() is True


def test_invitation_accept_by_unverified_second_address_is_refused(chapter, sent_invitation):
    user = UserFactory(email="work@example.org")
    EmailAddress.objects.create(user=user, email="invitee@example.org", verified=False)
    with pytest.raises(InvitationError):
        invitation_accept(invitation=sent_invitation, user=user)
    assert Membership.objects.filter(chapter=chapter, user=user).exists() is False


def test_invitation_accept_by_user_with_other_email_is_refused(chapter, sent_invitation, member):
    with pytest.raises(InvitationError) as error:
        invitation_accept(invitation=sent_invitation, user=UserFactory(email="else@example.org"))
    assert str(error.value) == (
        "This invitation was sent to invitee@example.org. Log in with that address to accept it."
    )
    sent_invitation.refresh_from_db()
    assert sent_invitation.status == InvitationStatus.SENT
    assert Membership.objects.filter(chapter=chapter).count() == 1


def test_invitation_accept_expired_is_refused(chapter, sent_invitation):
    sent_invitation.expires_at = past()
    sent_invitation.save()
    user = UserFactory(email=sent_invitation.email)
    with pytest.raises(InvitationError) as error:
        invitation_accept(invitation=sent_invitation, user=user)
    assert str(error.value) == "This invitation can no longer be accepted."
    assert Membership.objects.filter(chapter=chapter, user=user).exists() is False


def test_invitation_accept_twice_is_refused(chapter, sent_invitation):
    user = UserFactory(email=sent_invitation.email)
    invitation_accept(invitation=sent_invitation, user=user)
    with pytest.raises(InvitationError):
        invitation_accept(invitation=sent_invitation, user=user)


def test_invitation_accept_as_member_upgrades_to_invited_leader_role(chapter, member):
    invitation = InvitationFactory(chapter=chapter, email=member.email, role=Role.LEADER)
    membership = invitation_accept(invitation=invitation, user=member)
    assert (membership.role, Membership.objects.filter(user=member).count()) == (Role.LEADER, 1)


def test_invitation_accept_with_new_account_creates_verified_member(chapter, sent_invitation):
    sent_invitation.role = Role.LEADER
    sent_invitation.save()
    user = invitation_accept_with_new_account(
        invitation=sent_invitation,
        first_name=" Ana ",
        last_name="Lopez",
        password="a-long-enough-passphrase",
    )
    address = EmailAddress.objects.get(user=user)
    assert (user.email, user.first_name, user.check_password("a-long-enough-passphrase")) == (
        "invitee@example.org",
        "Ana",
        True,
    )
    assert (address.email, address.verified, address.primary) == (
        "invitee@example.org",
        True,
        True,
    )
    assert Membership.objects.get(chapter=chapter, user=user).role == Role.LEADER
    assert user.profile.pk is not None


def test_invitation_resend_rotates_the_token(
    sent_invitation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation_resend(invitation=sent_invitation)
    sent_invitation.refresh_from_db()
    assert sent_invitation.token_hash != hash_token(INVITATION_TOKEN)
    assert (sent_invitation.times_sent, len(mailoutbox)) == (2, 1)
    with pytest.raises(InvitationError):
        invitation_for_token(token=INVITATION_TOKEN)


def test_invitation_resend_reopens_an_expired_one(
    sent_invitation, mailoutbox, django_capture_on_commit_callbacks
):
    sent_invitation.status = InvitationStatus.EXPIRED
    sent_invitation.expires_at = past(days=3)
    sent_invitation.save()
    with django_capture_on_commit_callbacks(execute=True):
        invitation_resend(invitation=sent_invitation)
    sent_invitation.refresh_from_db()
    assert (sent_invitation.status, sent_invitation.is_open) == (InvitationStatus.SENT, True)
    assert sent_invitation.expires_at > timezone.now() + timedelta(days=13)
    assert len(mailoutbox) == 1


def test_invitation_resend_expired_with_newer_open_one_is_refused(chapter, sent_invitation):
    old = InvitationFactory(
        chapter=chapter, email=sent_invitation.email, status=InvitationStatus.EXPIRED
    )
    with pytest.raises(InvitationError) as error:
        invitation_resend(invitation=old)
    assert str(error.value) == "invitee@example.org has a newer open invitation."


@pytest.mark.parametrize("status", [InvitationStatus.ACCEPTED, InvitationStatus.REVOKED])
def test_invitation_resend_closed_is_refused(sent_invitation, status):
    sent_invitation.status = status
    sent_invitation.save()
    with pytest.raises(InvitationError):
        invitation_resend(invitation=sent_invitation)
    sent_invitation.refresh_from_db()
    assert sent_invitation.status == status


def test_invitation_revoke_closes_the_link(sent_invitation):
    invitation_revoke(invitation=sent_invitation)
    sent_invitation.refresh_from_db()
    assert sent_invitation.status == InvitationStatus.REVOKED
    assert sent_invitation.revoked_at is not None
    with pytest.raises(InvitationError):
        invitation_for_token(token=INVITATION_TOKEN)


def test_invitation_revoke_accepted_is_refused(sent_invitation):
    sent_invitation.status = InvitationStatus.ACCEPTED
    sent_invitation.save()
    with pytest.raises(InvitationError):
        invitation_revoke(invitation=sent_invitation)


def test_expire_invitations_task_expires_only_open_past_due(chapter):
    due = InvitationFactory(chapter=chapter, status=InvitationStatus.SENT, expires_at=past())
    pending_due = InvitationFactory(
        chapter=chapter, status=InvitationStatus.PENDING, expires_at=past()
    )
    current = InvitationFactory(chapter=chapter, status=InvitationStatus.SENT)
    accepted = InvitationFactory(
        chapter=chapter, status=InvitationStatus.ACCEPTED, expires_at=past()
    )
    assert tasks.expire_invitations.delay().get() == 2
    statuses = {
        invitation.pk: invitation.status
        for invitation in Invitation.objects.filter(chapter=chapter)
    }
    assert statuses == {
        due.pk: InvitationStatus.EXPIRED,
        pending_due.pk: InvitationStatus.EXPIRED,
        current.pk: InvitationStatus.SENT,
        accepted.pk: InvitationStatus.ACCEPTED,
    }


def test_invitation_create_for_existing_leader_is_refused(chapter):
    leader = MembershipFactory(chapter=chapter, role=Role.LEADER).user
    with pytest.raises(InvitationError):
        invitation_create(
            chapter=chapter, invitee=InviteeData(email=leader.email), invited_by=None
        )

"""Writes for invitations: invite, send, open, accept, resend, revoke, expire."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from chapters.models import (
    OPEN_INVITATION_STATUSES,
    Chapter,
    Invitation,
    InvitationStatus,
    Membership,
    Role,
)
from chapters.services import membership_add
from common.mail import render_email
from members.models import User
from members.services import user_create
from outbox.services import email_queue


class InvitationError(Exception):
    """An invitation that cannot be made or used; the message says why."""


@dataclass(frozen=True)
class InviteeData:
    email: str
    first_name: str = ""
    last_name: str = ""
    role: str = Role.MEMBER


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token_hash() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


class InviteeChecker:
    """Says why an address cannot be invited to a chapter, with two queries in all."""

    def __init__(self, chapter: Chapter):
        self.chapter = chapter
        self.member_emails = {
            email.lower()
            for email in Membership.objects.filter(chapter=chapter).values_list(
                "user__email", flat=True
            )
        }
        self.invited_emails = {
            email.lower()
            for email in Invitation.objects.filter(
                chapter=chapter, status__in=OPEN_INVITATION_STATUSES
            ).values_list("email", flat=True)
        }

    def problem(self, email: str) -> str | None:
        try:
            validate_email(email)
        except ValidationError:
            return f"“{email}” is not a valid email address."
        if email.lower() in self.member_emails:
            return f"{email} is already a member of {self.chapter}."
        if email.lower() in self.invited_emails:
            return f"{email} has an open invitation to {self.chapter} already: resend it instead."
        return None


@transaction.atomic
def invitations_create(
    *, chapter: Chapter, invitees: list[InviteeData], invited_by: User | None
) -> list[Invitation]:
    """Create invitations for several people at once, all or none, and queue their emails."""
    seen: set[str] = set()
    checker = InviteeChecker(chapter)
    for invitee in invitees:
        email = invitee.email.strip().lower()
        problem = checker.problem(email)
        if problem is None and email in seen:
            problem = f"{email} is listed twice."
        if problem:
            raise InvitationError(problem)
        seen.add(email)
    expires_at = timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)
    invitations = Invitation.objects.bulk_create(
        Invitation(
            chapter=chapter,
            email=invitee.email.strip().lower(),
            first_name=invitee.first_name.strip(),
            last_name=invitee.last_name.strip(),
            role=invitee.role,
            invited_by=invited_by,
            token_hash=_new_token_hash()[1],
            expires_at=expires_at,
        )
        for invitee in invitees
    )
    _queue_sending([invitation.pk for invitation in invitations])
    return invitations


def invitation_create(
    *, chapter: Chapter, invitee: InviteeData, invited_by: User | None
) -> Invitation:
    return invitations_create(chapter=chapter, invitees=[invitee], invited_by=invited_by)[0]


def _queue_sending(invitation_ids: list[int]) -> None:
    from chapters.tasks import send_invitation

    for invitation_id in invitation_ids:
        transaction.on_commit(
            lambda invitation_id=invitation_id: send_invitation.delay(invitation_id=invitation_id)
        )


@transaction.atomic
def invitation_send(*, invitation_id: int) -> bool:
    """Put the email of an invitation waiting to be sent in the outbox; False if none waits.

    The row is locked and must still be waiting, so a task delivered twice
    queues once; the outbox then sends it exactly once. The link gets a fresh
    token each time (only its hash is kept on the invitation; the outbox row
    holds the email as sent, like any other email).
    """
    # Lock only the invitation: `invited_by` is an outer join, which PostgreSQL cannot lock.
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("chapter", "invited_by")
        .filter(pk=invitation_id, status=InvitationStatus.PENDING)
        .first()
    )
    if invitation is None:
        return False
    token, invitation.token_hash = _new_token_hash()
    link = settings.SITE_URL + reverse("invitation_respond", kwargs={"token": token})
    message = render_email(
        template_prefix="chapters/email/invitation",
        to=invitation.email,
        context={"invitation": invitation, "link": link},
    )
    invitation.status = InvitationStatus.SENT
    invitation.last_sent_at = timezone.now()
    invitation.times_sent += 1
    invitation.save(update_fields=["token_hash", "status", "last_sent_at", "times_sent"])
    html = next((body for body, mimetype in message.alternatives if mimetype == "text/html"), "")
    email_queue(
        to=invitation.email,
        kind="chapters.invitation",
        key=f"chapters.invitation:{invitation.pk}:{invitation.times_sent}",
        subject=message.subject,
        body_text=message.body,
        body_html=html,
        topic=f"invitation:{invitation.pk}",
    )
    return True


def invitation_for_token(*, token: str) -> Invitation:
    """The invitation behind a link, marked opened; raises if it can no longer be used."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("chapter")
            .filter(token_hash=hash_token(token))
            .first()
        )
        if invitation is None:
            raise InvitationError(
                "This invitation link is not valid. It may have been replaced by a newer one."
            )
        _expire_if_due(invitation)
        if invitation.status == InvitationStatus.SENT:
            invitation.status = InvitationStatus.OPENED
            invitation.opened_at = timezone.now()
            invitation.save(update_fields=["status", "opened_at"])
    if invitation.status == InvitationStatus.ACCEPTED:
        raise InvitationError("This invitation has been accepted already. Log in to continue.")
    if invitation.status == InvitationStatus.REVOKED:
        raise InvitationError("This invitation was withdrawn by the chapter.")
    if invitation.status == InvitationStatus.EXPIRED:
        raise InvitationError(
            "This invitation has expired. Ask your chapter leader to send it again."
        )
    return invitation


def _expire_if_due(invitation: Invitation) -> None:
    if invitation.status in OPEN_INVITATION_STATUSES and invitation.expires_at <= timezone.now():
        invitation.status = InvitationStatus.EXPIRED
        invitation.save(update_fields=["status"])


def _user_owns_address(user: User, email: str) -> bool:
    return (
        user.email.lower() == email.lower()
        or EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()
    )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """A logged-in person accepts an invitation sent to one of their addresses."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _expire_if_due(invitation)
    if not invitation.is_open:
        raise InvitationError("This invitation can no longer be accepted.")
    if not _user_owns_address(user, invitation.email):
        raise InvitationError(
            f"This invitation was sent to {invitation.email}. "
            "Log in with that address to accept it."
        )
    membership = membership_add(chapter=invitation.chapter, user=user, role=invitation.role)
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["status", "accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_accept_with_new_account(
    *, invitation: Invitation, first_name: str, last_name: str, password: str
) -> User:
    """Create the invitee's account and accept. The link proved the address, so it is verified."""
    user = user_create(
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        email_verified=True,
    )
    invitation_accept(invitation=invitation, user=user)
    return user


@transaction.atomic
def invitation_resend(*, invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.can_resend:
        raise InvitationError(
            f"An invitation that is {invitation.get_status_display().lower()} cannot be resent."
        )
    clash = (
        Invitation.objects.filter(
            chapter=invitation.chapter,
            email__iexact=invitation.email,
            status__in=OPEN_INVITATION_STATUSES,
        )
        .exclude(pk=invitation.pk)
        .exists()
    )
    if clash:
        raise InvitationError(f"{invitation.email} has a newer open invitation.")
    invitation.status = InvitationStatus.PENDING
    invitation.expires_at = timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)
    invitation.save(update_fields=["status", "expires_at"])
    _queue_sending([invitation.pk])
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.can_revoke:
        raise InvitationError(
            f"An invitation that is {invitation.get_status_display().lower()} cannot be revoked."
        )
    invitation.status = InvitationStatus.REVOKED
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["status", "revoked_at"])
    return invitation


def invitations_expire_due() -> int:
    """Mark open invitations past their date as expired; returns how many."""
    return Invitation.objects.filter(
        status__in=OPEN_INVITATION_STATUSES, expires_at__lte=timezone.now()
    ).update(status=InvitationStatus.EXPIRED)

"""Writes: asking to join a chapter, a leader's answer, joining at large."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from chapters.coverage import chapters_covering
from chapters.models import LEADER_ROLES, Chapter, Membership
from chapters.services import membership_add
from joining.finding import find_for_zip
from joining.models import JoinRequest, JoinStatus
from members.models import User
from outbox.services import email_queue


class JoinError(Exception):
    """A join request that cannot be made or answered; the message says why."""


def _url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _name(user: User) -> str:
    return user.full_name or user.email


@transaction.atomic
def join_request_create(*, chapter: Chapter, user: User, zip_code: str) -> JoinRequest:
    """Ask to join a chapter that covers the ZIP code; its leaders are told."""
    finding = find_for_zip(zip_code)
    if chapter not in chapters_covering(state=finding.state, districts=finding.districts):
        raise JoinError(f"{chapter.name} does not cover ZIP code {finding.zip_code}.")
    if Membership.objects.filter(chapter=chapter, user=user).exists():
        raise JoinError(f"You already belong to {chapter.name}.")
    if JoinRequest.objects.filter(chapter=chapter, user=user, status=JoinStatus.PENDING).exists():
        raise JoinError(f"You already asked to join {chapter.name}: its leaders will answer.")
    request = JoinRequest.objects.create(
        chapter=chapter, user=user, zip_code=finding.zip_code, status=JoinStatus.PENDING
    )
    leaders = Membership.objects.filter(chapter=chapter, role__in=LEADER_ROLES).select_related(
        "user"
    )
    for membership in leaders:
        email_queue(
            to=membership.user.email,
            kind="joining.request",
            key=f"joining.request:{request.pk}:{membership.user_id}",
            template_prefix="joining/email/request",
            context={
                "person": _name(user),
                "chapter": chapter.name,
                "zip_code": request.zip_code,
                "url": _url("joining:requests", chapter.slug),
            },
            topic=f"join-request:{request.pk}",
        )
    return request


@transaction.atomic
def join_request_decide(*, request: JoinRequest, by: User, approve: bool) -> JoinRequest:
    """A leader's answer; approving makes the person a member. The person is told."""
    request = (
        JoinRequest.objects.select_for_update(of=("self",))
        .select_related("chapter", "user")
        .get(pk=request.pk)
    )
    if request.status != JoinStatus.PENDING:
        raise JoinError(f"This request was already answered ({request.get_status_display()}).")
    request.status = JoinStatus.APPROVED if approve else JoinStatus.DECLINED
    request.decided_by, request.decided_at = by, timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    if approve:
        membership_add(chapter=request.chapter, user=request.user)
    email_queue(
        to=request.user.email,
        kind="joining.answer",
        key=f"joining.answer:{request.pk}",
        template_prefix="joining/email/answer",
        context={
            "person": _name(request.user),
            "chapter": request.chapter.name,
            "approved": approve,
            "url": _url("home"),
        },
        topic=f"join-request:{request.pk}",
    )
    return request


@transaction.atomic
def join_at_large(*, user: User, zip_code: str) -> JoinRequest:
    """No chapter covers the ZIP code: the person joins at large and national staff are told."""
    finding = find_for_zip(zip_code)
    if finding.chapters:
        raise JoinError(f"ZIP code {finding.zip_code} has a chapter: ask to join it instead.")
    existing = JoinRequest.objects.filter(user=user, status=JoinStatus.AT_LARGE).first()
    if existing:
        raise JoinError("You are already a member at large: national staff know of you.")
    request = JoinRequest.objects.create(
        user=user, zip_code=finding.zip_code, status=JoinStatus.AT_LARGE
    )
    for staffer in User.objects.filter(is_staff=True, is_active=True):
        email_queue(
            to=staffer.email,
            kind="joining.at_large",
            key=f"joining.at_large:{request.pk}:{staffer.pk}",
            template_prefix="joining/email/at_large",
            context={
                "person": _name(user),
                "email": user.email,
                "zip_code": finding.zip_code,
                "state": finding.state,
            },
            topic=f"join-request:{request.pk}",
        )
    return request

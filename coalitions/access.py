"""One access helper per object: return it for this person, or raise 404/403.

Leaders of a chapter (and national staff) manage its partners, principles,
outreach, templates and events. Any member of the chapter may work the door
of its events (check-in and sign-in sheets). Guests have no account: they
reach their own RSVP and the action page through signed links.
"""

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from chapters.access import chapter_for_leader, is_leader_of
from chapters.models import LEADER_ROLES, Membership
from coalitions.models import CoalitionEvent, Guest, Outreach, Partner, Postcard, Principles
from members.models import User

RSVP_SALT = "coalitions.rsvp"
ACTION_SALT = "coalitions.action"
POSTCARD_SALT = "coalitions.postcard"
EXPORTS_ARE_STAFFS = "Only national staff can export lists."

__all__ = ["chapter_for_leader"]


def _leader_or_staff(user: User, chapter, what: str) -> None:
    if not (user.is_staff or is_leader_of(user, chapter)):
        raise PermissionDenied(f"Only the chapter's leaders and national staff see its {what}.")


def event_for_leader(user: User, event_id: int) -> CoalitionEvent:
    event = get_object_or_404(
        CoalitionEvent.objects.select_related("chapter", "principles", "day_of_action"),
        pk=event_id,
    )
    _leader_or_staff(user, event.chapter, "events")
    return event


def event_for_door(user: User, event_id: int) -> CoalitionEvent:
    """Volunteers at the door: any member of the chapter, its leaders and national staff."""
    event = get_object_or_404(CoalitionEvent.objects.select_related("chapter"), pk=event_id)
    if user.is_staff or Membership.objects.filter(chapter=event.chapter, user=user).exists():
        return event
    raise PermissionDenied("Only the chapter's members and national staff work its door.")


def guest_for_leader(user: User, event_id: int, guest_id: int) -> Guest:
    event = event_for_leader(user, event_id)
    return get_object_or_404(Guest.objects.select_related("event"), event=event, pk=guest_id)


def guest_for_door(user: User, event_id: int, guest_id: int) -> Guest:
    event = event_for_door(user, event_id)
    return get_object_or_404(Guest, event=event, pk=guest_id)


def partner_for_leader(user: User, partner_id: int) -> Partner:
    partner = get_object_or_404(Partner, pk=partner_id)
    if (
        user.is_staff
        or Membership.objects.filter(
            user=user, chapter__in=partner.chapters.all(), role__in=LEADER_ROLES
        ).exists()
    ):
        return partner
    raise PermissionDenied("Only leaders of the partner's chapters and national staff see it.")


def principles_for_leader(user: User, principles_id: int) -> Principles:
    principles = get_object_or_404(Principles.objects.select_related("chapter"), pk=principles_id)
    _leader_or_staff(user, principles.chapter, "principles")
    return principles


def outreach_for_leader(user: User, outreach_id: int) -> Outreach:
    outreach = get_object_or_404(Outreach.objects.select_related("chapter"), pk=outreach_id)
    _leader_or_staff(user, outreach.chapter, "outreach")
    return outreach


# Signed links for people without an account -------------------------------------------------


class RsvpClosed(Exception):
    """The link is genuine, but the event's day is over: there is nothing left to answer."""

    def __init__(self, guest: Guest):
        super().__init__(f"Replies to {guest.event} closed at the end of its day.")
        self.guest = guest


def _object_for_link(queryset, token: str, *, salt: str):
    """The row a signed link names: 404 for a link we did not sign or a row that is gone."""
    try:
        pk = signing.loads(token, salt=salt)
    except signing.BadSignature:
        raise Http404("This link is not valid.") from None
    return get_object_or_404(queryset, pk=pk)


def rsvp_token(guest: Guest) -> str:
    return signing.dumps(guest.pk, salt=RSVP_SALT)


def guest_for_rsvp(token: str) -> Guest:
    guest = _object_for_link(
        Guest.objects.select_related("event", "event__chapter", "event__principles"),
        token,
        salt=RSVP_SALT,
    )
    if timezone.now() >= guest.event.rsvp_closes_at:
        raise RsvpClosed(guest)
    return guest


def action_token(event: CoalitionEvent) -> str:
    return signing.dumps(event.pk, salt=ACTION_SALT)


def event_for_action(token: str) -> CoalitionEvent:
    return _object_for_link(
        CoalitionEvent.objects.select_related("chapter", "principles"), token, salt=ACTION_SALT
    )


def postcard_token(postcard: Postcard) -> str:
    return signing.dumps(postcard.pk, salt=POSTCARD_SALT)


def postcard_for_writer(token: str) -> Postcard:
    return _object_for_link(
        Postcard.objects.select_related("event__chapter"), token, salt=POSTCARD_SALT
    )

"""Access helpers for events: the event for this person, or 404/403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from common.access import object_for_staff
from events.models import Event
from members.models import User


def event_for_viewer(user: User, slug: str) -> Event:
    """Published events for everyone logged in; drafts for national staff only."""
    event = get_object_or_404(Event, slug=slug)
    if event.is_published or user.is_staff:
        return event
    raise PermissionDenied("This Day of Action is not published yet.")


def event_for_staff(
    user: User, slug: str, *, reason: str = "Only national staff can change a Day of Action."
) -> Event:
    """The event for national staff; other apps give their own reason for the 403."""
    return object_for_staff(user, Event, reason=reason, slug=slug)

"""Access helpers for events: the event for this person, or 404/403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from events.models import Event
from members.models import User


def event_for_viewer(user: User, slug: str) -> Event:
    """Published events for everyone logged in; drafts for national staff only."""
    event = get_object_or_404(Event, slug=slug)
    if event.is_published or user.is_staff:
        return event
    raise PermissionDenied("This Day of Action is not published yet.")


def event_for_staff(user: User, slug: str) -> Event:
    if not user.is_staff:
        raise PermissionDenied("Only national staff can change a Day of Action.")
    return get_object_or_404(Event, slug=slug)

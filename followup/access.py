"""Who may do what in follow-up: one helper per object, returning it or raising 404/403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from chapters.access import is_leader_of
from common.access import require_staff
from events import access as events_access
from events.models import Event
from events.selectors import takes_part_in
from meetings.models import Meeting


def meeting_for_thank_you(user, meeting_id: int) -> Meeting:
    """The lead of the meeting, its chapter's leaders and national staff write the thank-you."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("event", "chapter", "lawmaker", "lead"), pk=meeting_id
    )
    if user.is_staff or meeting.lead_id == user.pk or is_leader_of(user, meeting.chapter):
        return meeting
    raise PermissionDenied("Only the meeting's lead, its chapter's leaders and staff can.")


def event_for_staff(user, slug: str) -> Event:
    return events_access.event_for_staff(
        user, slug, reason="Only national staff set an event's reminders."
    )


def event_for_participant(user, slug: str) -> Event:
    event = get_object_or_404(Event, slug=slug)
    if user.is_staff or takes_part_in(user, event):
        return event
    raise PermissionDenied("Only the event's participants give feedback on it.")


def letter_templates_for_staff(user) -> None:
    require_staff(user, "Only national staff edit the letter templates.")

"""Access helpers for reports: the object for this person, or 404/403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from chapters.access import is_leader_of
from chapters.models import Chapter
from chapters.selectors import led_chapter_ids
from events import access as events_access
from events.models import Event
from meetings.models import Meeting
from meetings.people import in_delegation
from members.models import User


def may_write_report(user: User, meeting: Meeting) -> bool:
    """The delegation (lead, note-taker, confirmed seats), the chapter's leaders and staff."""
    if user.is_staff or in_delegation(user, meeting):
        return True
    return is_leader_of(user, meeting.chapter)


def may_file_report(user: User, meeting: Meeting) -> bool:
    """Filing says "this happened": the lead's word, or a leader's of the chapter, or staff's.

    The rest of the delegation writes drafts the lead files.
    """
    if user.is_staff or (meeting.lead_id is not None and user.pk == meeting.lead_id):
        return True
    return is_leader_of(user, meeting.chapter)


def meeting_for_reporter(user: User, meeting_id: int) -> Meeting:
    meeting = get_object_or_404(
        Meeting.objects.select_related("event", "chapter", "lawmaker", "lead", "note_taker"),
        pk=meeting_id,
    )
    if may_write_report(user, meeting):
        return meeting
    raise PermissionDenied("Only the meeting's delegation and its chapter's leaders can report.")


def event_for_staff(user: User, slug: str) -> Event:
    return events_access.event_for_staff(
        user, slug, reason="Only national staff see the whole Day of Action."
    )


def event_and_chapter_for_leader(user: User, event_slug: str, chapter_slug: str):
    event = get_object_or_404(Event, slug=event_slug)
    chapter = get_object_or_404(Chapter.objects.prefetch_related("states"), slug=chapter_slug)
    if user.is_staff or is_leader_of(user, chapter):
        return event, chapter
    raise PermissionDenied("Only this chapter's leaders and national staff see its dashboard.")


def export_chapters_for(user: User):
    """The chapters whose reports this person may export: all for staff, led ones for leaders.

    Returns None for "every chapter"; raises 403 for someone who leads none.
    """
    if user.is_staff:
        return None
    led = list(Chapter.objects.filter(pk__in=led_chapter_ids(user)).order_by("name"))
    if not led:
        raise PermissionDenied("Exports are for national staff and chapter leaders.")
    return led

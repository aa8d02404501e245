"""One access helper per object: return it for this person, or raise 404/403.

National asks are written by national staff only. A briefing is seen by
national staff, the leaders of the meeting's chapter and the people going to
the meeting (a seat, confirmed or waiting, or named lead or note-taker).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from chapters.access import is_leader_of
from chapters.selectors import led_chapter_ids
from common.access import object_for_staff
from events import access as events_access
from events.models import Event
from meetings.models import Meeting
from meetings.people import going_to, is_going
from members.models import User
from talkingpoints.models import Ask, LeaveBehind, MeetingNote

ASKS_ARE_STAFFS = "Only national staff write the national asks."


def event_for_staff(user: User, slug: str) -> Event:
    return events_access.event_for_staff(user, slug, reason=ASKS_ARE_STAFFS)


def ask_for_staff(user: User, ask_id: int) -> Ask:
    return object_for_staff(
        user, Ask.objects.select_related("event"), reason=ASKS_ARE_STAFFS, pk=ask_id
    )


def meeting_for_briefing(user: User, meeting_id: int) -> Meeting:
    meeting = get_object_or_404(
        Meeting.objects.select_related("event", "chapter", "lawmaker", "lead", "note_taker"),
        pk=meeting_id,
    )
    if user.is_staff or is_leader_of(user, meeting.chapter):
        return meeting
    if not meeting.event.is_published:
        raise PermissionDenied("This Day of Action is not published yet.")
    if is_going(user, meeting):
        return meeting
    raise PermissionDenied(
        "Only the people going to this meeting and their leaders see its briefing."
    )


def meeting_for_notes(user: User, meeting_id: int) -> Meeting:
    """Chapter notes and ask leads: the meeting's chapter leaders and national staff."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("event", "chapter", "lawmaker", "lead"), pk=meeting_id
    )
    if user.is_staff or is_leader_of(user, meeting.chapter):
        return meeting
    raise PermissionDenied("Only the leaders of the meeting's chapter add its local notes.")


def note_for_leader(user: User, note_id: int) -> MeetingNote:
    note = get_object_or_404(
        MeetingNote.objects.select_related("meeting", "meeting__chapter", "meeting__event"),
        pk=note_id,
    )
    if user.is_staff or is_leader_of(user, note.meeting.chapter):
        return note
    raise PermissionDenied("Only the leaders of the meeting's chapter change its local notes.")


def leave_behind_for_viewer(user: User, leave_behind_id: int) -> LeaveBehind:
    """A leave-behind goes to whoever may see a meeting of its Day of Action."""
    leave_behind = get_object_or_404(
        LeaveBehind.objects.select_related("ask", "ask__event"), pk=leave_behind_id
    )
    if user.is_staff:
        return leave_behind
    event = leave_behind.ask.event
    meetings = Meeting.objects.filter(event=event)
    if meetings.filter(chapter_id__in=led_chapter_ids(user)).exists():
        return leave_behind
    if event.is_published and meetings.filter(going_to(user)).exists():
        return leave_behind
    raise PermissionDenied(
        "Leave-behinds are for the people going to this Day of Action's meetings."
    )

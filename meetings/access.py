"""Access helpers for meetings: the object for this person, or 404/403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from chapters.access import is_leader_of
from chapters.models import Chapter, Membership
from events.access import event_for_viewer
from meetings.models import Meeting, Seat
from meetings.seats import is_constituent
from members.models import User


def chapter_board_for_leader(user: User, event_slug: str, chapter_slug: str):
    event = event_for_viewer(user, event_slug)
    chapter = get_object_or_404(Chapter, slug=chapter_slug)
    if user.is_staff or is_leader_of(user, chapter):
        return event, chapter
    raise PermissionDenied("Only this chapter's leaders and national staff see its schedule.")


def meeting_for_leader(user: User, meeting_id: int) -> Meeting:
    meeting = get_object_or_404(
        Meeting.objects.select_related("event", "chapter", "lawmaker", "lead", "note_taker"),
        pk=meeting_id,
    )
    if user.is_staff or is_leader_of(user, meeting.chapter):
        return meeting
    raise PermissionDenied("Only the leaders of the meeting's chapter and national staff can.")


def meeting_for_member(user: User, meeting_id: int) -> Meeting:
    """A meeting a member may see and join: their chapter's, or one with their own lawmaker."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("event", "chapter", "lawmaker"), pk=meeting_id
    )
    if not meeting.event.is_published and not user.is_staff:
        raise PermissionDenied("This Day of Action is not published yet.")
    if user.is_staff or Membership.objects.filter(user=user, chapter=meeting.chapter).exists():
        return meeting
    if is_constituent(user, meeting.lawmaker):
        return meeting
    raise PermissionDenied("This meeting belongs to another chapter.")


def seat_for_owner(user: User, seat_id: int) -> Seat:
    seat = get_object_or_404(Seat.objects.select_related("meeting", "meeting__event"), pk=seat_id)
    if seat.user_id != user.pk:
        raise PermissionDenied("This is someone else's seat.")
    return seat


def seat_for_leader(user: User, seat_id: int) -> Seat:
    seat = get_object_or_404(
        Seat.objects.select_related("meeting", "meeting__chapter", "meeting__event", "user"),
        pk=seat_id,
    )
    if user.is_staff or is_leader_of(user, seat.meeting.chapter):
        return seat
    raise PermissionDenied("Only the leaders of the meeting's chapter and national staff can.")

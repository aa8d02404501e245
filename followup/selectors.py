"""Reads for follow-up pages."""

from django.db.models import Q

from chapters.selectors import led_chapter_ids
from meetings.models import Meeting, MeetingStatus


def held_meetings_for(user):
    """Held meetings this person follows up: ones they led, and their chapters' (staff: all)."""
    meetings = Meeting.objects.filter(status=MeetingStatus.HELD).select_related(
        "event", "chapter", "lawmaker", "lead", "thank_you_note", "report"
    )
    if not user.is_staff:
        meetings = meetings.filter(Q(lead=user) | Q(chapter_id__in=led_chapter_ids(user)))
    return meetings.order_by("-starts_at", "pk")

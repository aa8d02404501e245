"""Reads for follow-up pages."""

from django.db.models import Q

from chapters.models import LEADER_ROLES, Membership
from meetings.models import Meeting, MeetingStatus


def held_meetings_for(user):
    """Held meetings this person follows up: ones they led, and their chapters' (staff: all)."""
    meetings = Meeting.objects.filter(status=MeetingStatus.HELD).select_related(
        "event", "chapter", "lawmaker", "lead", "thank_you_note", "report"
    )
    if not user.is_staff:
        led_chapters = Membership.objects.filter(user=user, role__in=LEADER_ROLES).values(
            "chapter_id"
        )
        meetings = meetings.filter(Q(lead=user) | Q(chapter_id__in=led_chapters))
    return meetings.order_by("-starts_at", "pk")

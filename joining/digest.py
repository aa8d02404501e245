"""A chapter leader's daily summary: who waits to join (registered in LEADER_DIGEST_NOTES)."""

from django.conf import settings
from django.urls import reverse

from chapters.models import Chapter
from events.models import Event
from joining.models import JoinRequest, JoinStatus


def waiting_to_join_note(*, event: Event, chapter: Chapter, now=None) -> dict | None:
    waiting = list(
        JoinRequest.objects.filter(chapter=chapter, status=JoinStatus.PENDING)
        .select_related("user")
        .order_by("created_at")
    )
    if not waiting:
        return None
    return {
        "heading": "People asking to join the chapter",
        "lines": [
            f"{r.user.full_name or r.user.email} (ZIP code {r.zip_code}), asked "
            f"{r.created_at:%b} {r.created_at.day}"
            for r in waiting
        ],
        "url": settings.SITE_URL + reverse("joining:requests", args=[chapter.slug]),
        "link_label": "Approve or decline",
    }

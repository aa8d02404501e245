"""One access helper per object: return it for this person, or raise 404/403."""

from django.shortcuts import get_object_or_404

from chapters.access import chapter_for_leader
from joining.models import JoinRequest
from members.models import User


def join_request_for_leader(user: User, slug: str, pk: int) -> JoinRequest:
    chapter = chapter_for_leader(user, slug)
    return get_object_or_404(JoinRequest.objects.select_related("user"), chapter=chapter, pk=pk)

"""Who may plan what: the whole event for national staff, one chapter's part for its leaders."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from chapters.access import is_leader_of
from chapters.models import Chapter
from events.access import event_for_viewer
from events.models import Event
from members.models import User
from planner.models import PlanAcceptance, PlanRun

WHOLE_EVENT_ONLY = "Only national staff plan the whole event; leaders plan their chapter's part."


def plan_scope_for(
    user: User, event_slug: str, chapter_slug: str = ""
) -> tuple[Event, Chapter | None]:
    """The event and the chapter whose part this person may plan (None: the whole event)."""
    event = event_for_viewer(user, event_slug)
    if not chapter_slug:
        if user.is_staff:
            return event, None
        raise PermissionDenied(WHOLE_EVENT_ONLY)
    chapter = get_object_or_404(Chapter, slug=chapter_slug)
    if user.is_staff or is_leader_of(user, chapter):
        return event, chapter
    raise PermissionDenied("Only this chapter's leaders and national staff plan its part.")


def run_for_planner(user: User, run_id: int) -> PlanRun:
    """A run its scope's planners may read and accept."""
    run = get_object_or_404(PlanRun.objects.select_related("event", "chapter"), pk=run_id)
    if user.is_staff:
        return run
    if run.chapter is not None and is_leader_of(user, run.chapter) and run.event.is_published:
        return run
    raise PermissionDenied("Only the planners of this plan's chapter and national staff can.")


def acceptance_for_planner(user: User, acceptance_id: int) -> PlanAcceptance:
    """An acceptance, for those who may read and accept its plan."""
    run_id = get_object_or_404(
        PlanAcceptance.objects.values_list("run_id", flat=True), pk=acceptance_id
    )
    run_for_planner(user, run_id)
    return PlanAcceptance.objects.get(pk=acceptance_id)

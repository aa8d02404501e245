"""One access helper per object: return it for this person, or raise 404/403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from chapters.access import chapter_for_leader
from chapters.selectors import chapters_led_by
from events.models import Event
from members.models import User
from trainings import selectors
from trainings.models import Session, Signup

HOSTS_ONLY = "Only the session's host, its chapter's leaders and national staff can do that."


def session_for_reader(user: User, pk: int) -> Session:
    """A session the person may see and sign up for (404 for another chapter's)."""
    return get_object_or_404(selectors.sessions_visible_to(user=user), pk=pk)


def session_for_host(user: User, pk: int) -> Session:
    session = get_object_or_404(Session.objects.select_related("chapter"), pk=pk)
    if selectors.hosted_by(user=user).filter(pk=pk).exists():
        return session
    raise PermissionDenied(HOSTS_ONLY)


def may_host(user: User) -> bool:
    return user.is_staff or chapters_led_by(user=user).exists()


def require_host(user: User) -> None:
    if not may_host(user):
        raise PermissionDenied("Only chapter leaders and national staff can run sessions.")


def signup_of(user: User, pk: int) -> Signup:
    """The person's own sign-up, and only theirs."""
    return get_object_or_404(Signup.objects.select_related("session", "user"), pk=pk, user=user)


def event_for_waivers(user: User, slug: str, chapter_slug: str | None):
    """The event and the chapters whose people this person may waive training for."""
    event = get_object_or_404(Event, slug=slug)
    if chapter_slug:
        chapter = chapter_for_leader(user, chapter_slug)
        return event, chapters_led_by(user=user).filter(pk=chapter.pk)
    if not may_host(user):
        raise PermissionDenied("Only chapter leaders and national staff can see this.")
    return event, chapters_led_by(user=user)

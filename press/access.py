"""One access helper per object of the kit: return it for this person, or raise 404/403.

National pages (a whole Day of Action) are national staff's. A chapter's page
(its part in a day, or a coalition event) is its leaders' and staff's. Only
staff approve releases. The public sees published pages and nothing else.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from chapters.access import is_leader_of
from chapters.models import Membership
from common.access import require_staff
from events.models import Event, Registration
from meetings.models import Meeting
from meetings.people import is_going
from members.models import User
from press import selectors
from press.models import MediaContact, PressRelease, PublicPage

PAGE_REASON = "Only the chapter's leaders and national staff manage its public page."
NATIONAL_REASON = "Only national staff manage a Day of Action's national page."
APPROVE_REASON = "Only national staff approve press releases."


def may_manage(user: User, page: PublicPage) -> bool:
    if user.is_staff:
        return True
    return page.chapter_id is not None and is_leader_of(user, page.chapter)


def page_for_manager(user: User, page_id: int) -> PublicPage:
    page = get_object_or_404(selectors.pages(), pk=page_id)
    if may_manage(user, page):
        return page
    raise PermissionDenied(NATIONAL_REASON if page.is_national else PAGE_REASON)


def page_for_public(user: User, slug: str) -> PublicPage:
    """A published page; a draft only for the people who manage it (a preview)."""
    page = get_object_or_404(selectors.pages(), slug=slug)
    if page.is_published or (user.is_authenticated and may_manage(user, page)):
        return page
    raise Http404("No such page.")


def may_contribute(user: User, page: PublicPage) -> bool:
    """Quotes and media availability: the chapter's members, or who takes part in the day."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    if (
        page.chapter_id
        and Membership.objects.filter(chapter_id=page.chapter_id, user=user).exists()
    ):
        return True
    return (
        page.event_id is not None
        and Registration.objects.filter(event_id=page.event_id, user=user).exists()
    )


def page_for_contributor(user: User, slug: str) -> PublicPage:
    page = get_object_or_404(selectors.published_pages(), slug=slug)
    if may_contribute(user, page):
        return page
    raise PermissionDenied("Only the people taking part in this day can offer a quote.")


def release_for_manager(user: User, release_id: int) -> PressRelease:
    release = get_object_or_404(
        PressRelease.objects.select_related(
            "page__event", "page__chapter", "page__coalition_event"
        ),
        pk=release_id,
    )
    if may_manage(user, release.page):
        return release
    raise PermissionDenied(PAGE_REASON)


def release_for_staff(user: User, release_id: int) -> PressRelease:
    require_staff(user, APPROVE_REASON)
    return release_for_manager(user, release_id)


def contact_for_manager(user: User, contact_id: int) -> MediaContact:
    contact = get_object_or_404(MediaContact.objects.select_related("chapter"), pk=contact_id)
    if selectors.contacts_managed_by(user=user).filter(pk=contact.pk).exists():
        return contact
    raise PermissionDenied("Only the chapter's leaders and national staff see its press list.")


def event_for_national_page(user: User, slug: str) -> Event:
    require_staff(user, NATIONAL_REASON)
    return get_object_or_404(Event, slug=slug)


def meeting_for_card(user: User, meeting_id: int) -> Meeting:
    """A participant makes a card only of a meeting they are going to."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("lawmaker", "event", "chapter"), pk=meeting_id
    )
    if is_going(user, meeting):
        return meeting
    raise PermissionDenied("You can share only a meeting you are going to.")

"""Reads the kit's pages share, with their joins right."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from chapters.models import ChapterState
from chapters.selectors import led_chapter_ids
from meetings.models import Meeting, MeetingStatus
from meetings.people import going_to
from members.models import User
from outbox.models import Email
from press.models import (
    RELEASE_EMAIL_KIND,
    Clipping,
    MediaAvailability,
    MediaContact,
    OutreachEntry,
    PressRelease,
    PublicPage,
    Quote,
    ReleaseStatus,
    SocialPost,
)

PAGE_RELATED = ("event", "chapter", "coalition_event")


def pages() -> QuerySet[PublicPage]:
    return PublicPage.objects.select_related(*PAGE_RELATED)


def pages_managed_by(*, user: User) -> QuerySet[PublicPage]:
    if user.is_staff:
        return pages()
    return pages().filter(chapter_id__in=led_chapter_ids(user))


def published_pages() -> QuerySet[PublicPage]:
    return pages().filter(is_published=True)


def contacts_managed_by(*, user: User) -> QuerySet[MediaContact]:
    """Staff: every contact. A leader: their chapters' contacts and the press of their
    chapters' states, the same people their pages' releases go to."""
    contacts = MediaContact.objects.select_related("chapter")
    if user.is_staff:
        return contacts
    led = led_chapter_ids(user)
    states = ChapterState.objects.filter(chapter_id__in=led).values("state")
    return contacts.filter(Q(chapter_id__in=led) | Q(market_state__in=states))


def press_list_for(*, page: PublicPage) -> QuerySet[MediaContact]:
    """Who gets the page's releases: everyone for a national day; else the chapter's
    contacts and the press of its states."""
    contacts = MediaContact.objects.order_by("pk")
    if page.chapter_id is None:
        return contacts
    states = ChapterState.objects.filter(chapter_id=page.chapter_id).values("state")
    return contacts.filter(Q(chapter_id=page.chapter_id) | Q(market_state__in=states))


def consented_quotes(*, page: PublicPage) -> QuerySet[Quote]:
    return Quote.objects.filter(page=page, withdrawn_at__isnull=True)


def available_speakers(*, page: PublicPage) -> QuerySet[MediaAvailability]:
    return MediaAvailability.objects.filter(page=page, withdrawn_at__isnull=True).select_related(
        "user"
    )


def releases_of(*, page: PublicPage) -> QuerySet[PressRelease]:
    return PressRelease.objects.filter(page=page).select_related("approved_by")


def public_releases(*, page: PublicPage) -> QuerySet[PressRelease]:
    """Approved releases whose embargo has lifted: the page's newsroom."""
    return PressRelease.objects.filter(
        page=page, status=ReleaseStatus.APPROVED, embargo_until__lte=timezone.now()
    ).order_by("-embargo_until")


def outreach_of(*, page: PublicPage) -> QuerySet[OutreachEntry]:
    return OutreachEntry.objects.filter(page=page).select_related("contact", "by")


def clippings_of(*, page: PublicPage) -> QuerySet[Clipping]:
    return Clipping.objects.filter(page=page).select_related("contact")


def posts_of(*, page: PublicPage) -> QuerySet[SocialPost]:
    return SocialPost.objects.filter(page=page)


def own_meetings(*, page: PublicPage, user: User) -> QuerySet[Meeting]:
    """The person's meetings of the page's day, for the cards they may make of them."""
    if page.event_id is None:
        return Meeting.objects.none()
    return (
        Meeting.objects.filter(going_to(user), event_id=page.event_id)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("lawmaker")
        .order_by("starts_at")
    )


def contact_filters(*, language: str = "", ethnic_only: bool = False) -> list[Q]:
    filters = []
    if language:
        filters.append(Q(language__iexact=language))
    if ethnic_only:
        filters.append(Q(is_ethnic_media=True))
    return filters


def outreach_with(*, contact: MediaContact, user: User) -> QuerySet[OutreachEntry]:
    """The contact's outreach across the pages this person manages."""
    return OutreachEntry.objects.filter(
        contact=contact, page__in=pages_managed_by(user=user).values("pk")
    ).select_related("page", "by")


def release_emails_to(*, contact: MediaContact) -> QuerySet:
    """The releases' emails to this contact, with where each stands in the outbox."""
    return Email.objects.filter(to__iexact=contact.email, kind=RELEASE_EMAIL_KIND).order_by(
        "-send_after"
    )

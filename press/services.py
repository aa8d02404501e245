"""Writes of the kit: pages, outreach, clippings, and the consents people give and withdraw."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from chapters.models import Chapter
from coalitions.models import CoalitionEvent
from events.models import Event
from meetings.models import Meeting
from members.models import User
from press.models import (
    Clipping,
    MediaAvailability,
    MediaContact,
    MeetingCard,
    OutreachEntry,
    PublicPage,
    Quote,
)


class PressError(Exception):
    """A change the kit refuses; the message says why."""


def _free_slug(text: str) -> str:
    base = slugify(text)[:60].strip("-") or "day"
    slug, n = base, 2
    while PublicPage.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def page_create(
    *,
    by: User,
    event: Event | None = None,
    chapter: Chapter | None = None,
    coalition_event: CoalitionEvent | None = None,
) -> PublicPage:
    """The page of a day (national when `chapter` is None), a chapter's day, or a coalition
    event; an existing page is returned, so asking twice never makes two."""
    if coalition_event is not None:
        event, chapter = None, coalition_event.chapter
        existing = PublicPage.objects.filter(coalition_event=coalition_event).first()
        name, summary = coalition_event.name, coalition_event.description
        partners = "\n".join(host.name for host in coalition_event.hosts.order_by("name"))
    else:
        existing = PublicPage.objects.filter(
            event=event, chapter=chapter, coalition_event__isnull=True
        ).first()
        name = f"{event.name}: {chapter.name}" if chapter else event.name
        summary, partners = event.theme, ""
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return PublicPage.objects.create(
                event=event,
                chapter=chapter,
                coalition_event=coalition_event,
                slug=_free_slug(name),
                headline=name[:300],
                summary=summary,
                partners=partners,
                created_by=by,
            )
    except IntegrityError:
        raise PressError("This day already has a public page; open it from the list.") from None


def page_update(*, page: PublicPage, **values) -> PublicPage:
    for name, value in values.items():
        setattr(page, name, value)
    page.save()
    return page


def page_publish(*, page: PublicPage, published: bool) -> PublicPage:
    if published and page.event_id is not None and not page.event.is_published:
        raise PressError(
            f"{page.event.name} is still a draft: publish the Day of Action before its page."
        )
    page.is_published = published
    if published and page.published_at is None:
        page.published_at = timezone.now()
    page.save(update_fields=["is_published", "published_at", "updated_at"])
    return page


def outreach_log(
    *, page: PublicPage, contact: MediaContact, kind: str, note: str, by: User
) -> OutreachEntry:
    return OutreachEntry.objects.create(
        page=page, contact=contact, kind=kind, note=note, happened_at=timezone.now(), by=by
    )


def clipping_add(
    *,
    page: PublicPage,
    outlet: str,
    published_on: datetime.date,
    url: str,
    headline: str,
    contact: MediaContact | None,
    by: User,
) -> Clipping:
    return Clipping.objects.create(
        page=page,
        outlet=outlet,
        published_on=published_on,
        url=url,
        headline=headline,
        contact=contact,
        added_by=by,
    )


def quote_give(*, page: PublicPage, author: User, text: str, attribution: str) -> Quote:
    """A quote exists only with its author's consent, recorded now."""
    return Quote.objects.create(
        page=page, author=author, text=text, attribution=attribution, consented_at=timezone.now()
    )


def quote_withdraw(*, quote: Quote) -> None:
    """From now on the quote appears nowhere: no page, no draft, no release not yet sent."""
    Quote.objects.filter(pk=quote.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )


def availability_offer(
    *, page: PublicPage, user: User, practice_area: str, languages: str, town: str
) -> MediaAvailability:
    availability, _ = MediaAvailability.objects.update_or_create(
        page=page,
        user=user,
        defaults={
            "practice_area": practice_area,
            "languages": languages,
            "town": town,
            "consented_at": timezone.now(),
            "withdrawn_at": None,
        },
    )
    return availability


def availability_withdraw(*, page: PublicPage, user: User) -> None:
    MediaAvailability.objects.filter(page=page, user=user, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )


def card_make(*, meeting: Meeting, user: User, show_name: bool) -> MeetingCard:
    """The participant's own card of a meeting (opt-in); their name only if they choose."""
    card, _ = MeetingCard.objects.update_or_create(
        meeting=meeting, user=user, defaults={"show_name": show_name, "withdrawn_at": None}
    )
    return card


def card_withdraw(*, card: MeetingCard) -> None:
    MeetingCard.objects.filter(pk=card.pk).update(withdrawn_at=timezone.now())

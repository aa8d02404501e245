"""Reads that coalition pages share, with their joins right."""

from django.db.models import Count, Prefetch, Q

from chapters import selectors as chapter_selectors
from chapters.models import Chapter
from coalitions.models import (
    CoalitionEvent,
    Guest,
    GuestKind,
    MessageTemplate,
    Outreach,
    Partner,
    Postcard,
    Principles,
    Rsvp,
)
from coalitions.wording import DEFAULTS
from lawmakers.models import Level
from members.models import User


def chapters_led_by(user: User):
    return chapter_selectors.chapters_led_by(
        user=user, chapters=Chapter.objects.prefetch_related("states")
    )


def chapters_of_member(user: User):
    if user.is_staff:
        return Chapter.objects.all()
    return Chapter.objects.filter(memberships__user=user)


def events_for(user: User):
    """Coalition events this person may work: staff all, others their chapters'."""
    return (
        CoalitionEvent.objects.filter(chapter__in=chapters_of_member(user))
        .select_related("chapter")
        .annotate(
            guest_count=Count("guests", filter=~Q(guests__kind=GuestKind.PRESS)),
            press_count=Count("guests", filter=Q(guests__kind=GuestKind.PRESS)),
            arrived_count=Count("guests", filter=Q(guests__checked_in_at__isnull=False)),
        )
        .order_by("-starts_at")
    )


def guests_of(*, event: CoalitionEvent):
    return Guest.objects.filter(event=event).select_related("lawmaker", "partner")


def guest_counts(*, event: CoalitionEvent) -> dict:
    return Guest.objects.filter(event=event).aggregate(
        total=Count("pk"),
        press=Count("pk", filter=Q(kind=GuestKind.PRESS)),
        invited=Count("pk", filter=~Q(rsvp=Rsvp.NOT_INVITED)),
        opened=Count("pk", filter=Q(rsvp=Rsvp.OPENED)),
        accepted=Count("pk", filter=Q(rsvp=Rsvp.ACCEPTED)),
        declined=Count("pk", filter=Q(rsvp=Rsvp.DECLINED)),
        arrived=Count("pk", filter=Q(checked_in_at__isnull=False)),
        walk_ins=Count("pk", filter=Q(walk_in=True)),
        thanked=Count("pk", filter=Q(thanked_at__isnull=False)),
    )


def door_list(*, event: CoalitionEvent) -> list[dict]:
    """Everything the check-in page needs about every guest, in one query."""
    rows = Guest.objects.filter(event=event).values(
        "pk", "first_name", "last_name", "title", "organisation", "kind", "role", "checked_in_at"
    )
    return [
        {
            "id": row["pk"],
            "name": f"{row['first_name']} {row['last_name']}".strip(),
            "detail": ", ".join(part for part in (row["title"], row["organisation"]) if part),
            "press": row["kind"] == GuestKind.PRESS,
            "vip": row["kind"] == GuestKind.DISTINGUISHED,
            "in": row["checked_in_at"] is not None,
        }
        for row in rows.order_by("last_name", "first_name", "pk")
    ]


def partners_of(*, chapter: Chapter):
    return (
        Partner.objects.filter(chapters=chapter)
        .prefetch_related("contacts", "chapters")
        .annotate(event_count=Count("coalition_events", distinct=True))
    )


def principles_of(*, chapter: Chapter):
    return Principles.objects.filter(chapter=chapter).annotate(
        endorsement_count=Count("endorsements")
    )


def outreach_of(*, chapter: Chapter):
    return Outreach.objects.filter(chapter=chapter).annotate(step_count=Count("steps"))


def federal_lawmakers_for(*, chapter: Chapter):
    """Members of Congress from the chapter's states, for the guest form's picker."""
    from lawmakers.models import Lawmaker

    return (
        Lawmaker.objects.serving()
        .filter(level=Level.FEDERAL, state__in=chapter.states.values("state"))
        .order_by("state", "chamber", "last_name")
    )


def template_for(*, chapter: Chapter, kind: str) -> MessageTemplate:
    """The chapter's wording of a message, or the built-in one (unsaved) until they edit it."""
    saved = MessageTemplate.objects.filter(chapter=chapter, kind=kind).first()
    if saved is not None:
        return saved
    default = DEFAULTS[kind]
    return MessageTemplate(chapter=chapter, kind=kind, subject=default.subject, body=default.body)


def postcards_of(*, event: CoalitionEvent):
    return (
        Postcard.objects.filter(event=event)
        .prefetch_related(Prefetch("lawmakers"))
        .order_by("created_at", "pk")
    )

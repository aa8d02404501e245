from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from events.models import Attendance, Event, EventStatus


def upcoming_events(*, include_drafts: bool = False) -> QuerySet[Event]:
    events = Event.objects.filter(date__gte=timezone.localdate()).order_by("date")
    if not include_drafts:
        events = events.filter(status=EventStatus.PUBLISHED)
    return events


def events_for(*, user) -> QuerySet[Event]:
    """Every published event, newest first; national staff see the drafts too."""
    events = Event.objects.annotate(
        registration_count=Count("registrations", distinct=True),
    ).order_by("-date", "name")
    if not user.is_staff:
        events = events.filter(status=EventStatus.PUBLISHED)
    return events


def event_counts(*, event: Event) -> dict[str, int]:
    """Registrations (in person, virtual) and meetings, in one query."""
    return Event.objects.filter(pk=event.pk).aggregate(
        registration_count=Count("registrations", distinct=True),
        in_person_count=Count(
            "registrations",
            filter=Q(registrations__attendance=Attendance.IN_PERSON),
            distinct=True,
        ),
        meeting_count=Count("meetings", distinct=True),
    )

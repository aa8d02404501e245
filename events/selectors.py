from django.db.models import QuerySet
from django.utils import timezone

from events.models import Event, EventStatus


def upcoming_events(*, include_drafts: bool = False) -> QuerySet[Event]:
    events = Event.objects.filter(date__gte=timezone.localdate()).order_by("date")
    if not include_drafts:
        events = events.filter(status=EventStatus.PUBLISHED)
    return events

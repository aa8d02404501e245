from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.models import Attendance, Event, EventFormat, EventStatus, Registration
from members.time_zones import reader_zone


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


def _count_per_event(queryset: QuerySet) -> Coalesce:
    """A correlated count, so two counts never multiply each other's rows in a join."""
    counted = (
        queryset.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def event_counts(*, event: Event) -> dict[str, int]:
    """Registrations (all, in person) and meetings that still happen, in one query."""
    registrations = Registration.objects.all()
    return (
        Event.objects.filter(pk=event.pk)
        .annotate(
            registration_count=_count_per_event(registrations),
            in_person_count=_count_per_event(
                registrations.filter(attendance=Attendance.IN_PERSON)
            ),
            meeting_count=_count_per_event(active_meetings()),
        )
        .values("registration_count", "in_person_count", "meeting_count")
        .get()
    )


def takes_part_in(user, event: Event) -> bool:
    """Taking part in a Day of Action is being registered for it.

    Taking a seat, confirmed or on a waitlist, registers the person
    (`meetings.seats`), so everyone going to a meeting takes part; so does
    someone registered who has no meeting yet. They are the ones asked how the
    day went.
    """
    return Registration.objects.filter(event=event, user=user).exists()


def active_meetings() -> QuerySet:
    """Meetings not cancelled, as the schedule board counts them.

    Meetings live in an app above this one: reach them through the relation and the
    meetings app's own `active()` rule, not an import.
    """
    return Event._meta.get_field("meetings").related_model.objects.active()


def reader_zone_for(*, event: Event, user):
    """The clock a person reads this event's times on: the offices' when they are there
    (an in-person day, or in person on a hybrid one), else their own (one query at most)."""
    if event.format == EventFormat.IN_PERSON or not user.is_authenticated:
        return event.zone
    attendance = (
        Registration.objects.filter(event=event, user=user)
        .values_list("attendance", flat=True)
        .first()
    )
    if event.format == EventFormat.HYBRID and attendance == Attendance.IN_PERSON:
        return event.zone
    return reader_zone(user, default=event.time_zone)

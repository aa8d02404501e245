from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.http import require_POST

from chapters.models import Chapter
from chapters.selectors import led_chapter_ids
from common.access import staff_required
from events import selectors, services
from events.access import event_for_staff, event_for_viewer
from events.forms import (
    AvailabilityForm,
    EventForm,
    ProgrammeFormSet,
    RegistrationForm,
    for_the_day,
)
from events.models import Registration


@login_required
def event_list(request):
    events = list(selectors.events_for(user=request.user))
    today = timezone.localdate()
    return render(
        request,
        "events/event_list.html",
        {
            "upcoming": [event for event in reversed(events) if event.date >= today],
            "past": [event for event in events if event.date < today],
        },
    )


def _save(request, form, event=None):
    try:
        if event is None:
            return services.event_create(**form.service_fields())
        return services.event_update(event=event, **form.service_fields())
    except services.EventError as error:
        form.add_error(error.field if error.field in form.fields else None, str(error))
        return None


@staff_required("Only national staff create a Day of Action.")
def event_create(request):
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = _save(request, form)
        if event:
            messages.success(request, f"{event} is created.")
            return redirect("events:detail", slug=event.slug)
    return render(request, "events/event_form.html", {"form": form})


@login_required
def event_edit(request, slug):
    event = event_for_staff(request.user, slug)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, event)
        if saved:
            messages.success(request, f"{saved} is saved.")
            return redirect("events:detail", slug=saved.slug)
    return render(request, "events/event_form.html", {"form": form, "event": event})


def _boards(user, event):
    """The chapters whose schedule boards this person may open, with their meeting counts."""
    chapters = Chapter.objects.annotate(
        meeting_count=Count(
            "meetings",
            filter=Q(meetings__in=selectors.active_meetings().filter(event=event)),
        )
    ).order_by("name")
    if not user.is_staff:
        chapters = chapters.filter(pk__in=led_chapter_ids(user))
    return list(chapters)


def _panels(request, event) -> list[str]:
    """Sections other apps add to the event page (EVENT_PAGE_PANELS): this app imports
    none of them. Each returns HTML, or "" for a person it has nothing for."""
    return [
        html
        for path in getattr(settings, "EVENT_PAGE_PANELS", [])
        if (html := import_string(path)(request, event))
    ]


@login_required
def event_detail(request, slug):
    event = event_for_viewer(request.user, slug)
    registration = Registration.objects.filter(event=event, user=request.user).first()
    boards = _boards(request.user, event)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "registration": registration,
            "registration_open": event.registration_is_open(),
            "now": timezone.now(),
            "form": RegistrationForm(),
            "availability_form": for_the_day(
                AvailabilityForm(
                    initial={
                        "arrive_by": registration.arrive_by,
                        "leave_at": registration.leave_at,
                        "calls_from": registration.calls_from,
                        "calls_until": registration.calls_until,
                        "joins_from_the_hill": registration.joins_from_the_hill,
                    }
                ),
                event,
            )
            if registration
            else None,
            # Staff and the chapters' leaders (whose boards these are) plan the day.
            "plans_the_day": request.user.is_staff or bool(boards),
            "counts": selectors.event_counts(event=event),
            "boards": boards,
            "agenda": [line for line in event.agenda.splitlines() if line.strip()],
            "panels": _panels(request, event),
            "programme": list(event.programme_items.all()),
        },
    )


@login_required
@require_POST
def register(request, slug):
    event = event_for_viewer(request.user, slug)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        if "attendance" in form.errors:
            messages.error(request, "Choose in person or virtual.")
        else:
            messages.error(request, "Give the times as hours and minutes, e.g. 09:30.")
        return redirect("events:detail", slug=event.slug)
    try:
        registration = services.registration_create(
            event=event, user=request.user, **form.cleaned_data
        )
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"You are registered for {event} ({registration.get_attendance_display().lower()}).",
        )
    return redirect("events:detail", slug=event.slug)


@login_required
@require_POST
def unregister(request, slug):
    event = event_for_viewer(request.user, slug)
    try:
        services.registration_cancel(event=event, user=request.user)
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"You are no longer registered for {event}.")
    return redirect("events:detail", slug=event.slug)


@login_required
@require_POST
def availability(request, slug):
    """A registered person changes when they can be booked."""
    event = event_for_viewer(request.user, slug)
    form = AvailabilityForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the times as hours and minutes, e.g. 09:30.")
        return redirect("events:detail", slug=event.slug)
    try:
        services.registration_set_availability(event=event, user=request.user, **form.cleaned_data)
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Your times for the day are saved.")
    return redirect("events:detail", slug=event.slug)


@login_required
def programme(request, slug):
    """Staff edit the day's programme items (time, place, whether everyone attends)."""
    event = event_for_staff(request.user, slug)
    formset = ProgrammeFormSet(request.POST or None, instance=event)
    if request.method == "POST" and formset.is_valid():
        formset.save()
        messages.success(request, "The programme is saved.")
        return redirect("events:detail", slug=event.slug)
    return render(
        request,
        "events/programme.html",
        {"event": event, "formset": formset},
        status=400 if request.method == "POST" else 200,
    )

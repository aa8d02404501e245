"""What each participant has left to do before the day, for many people in fixed queries.

Shown on the event page (`EVENT_PAGE_PANELS`: `checklist_panel`) and, for leaders,
as their chapters' table with nudges (`trainings.views.checklist`).
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse

from chapters.access import leads_any_chapter
from events.models import Event, Registration
from members.constituency import constituencies_for
from trainings.prerequisites import cleared_user_ids, next_session, required_sessions


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    done: bool
    url: str
    how: str


def _profile_done(profile, constituency) -> bool:
    return bool(profile.state and profile.zip_code) and not constituency.needs_district_choice


def checklists_for(*, event: Event, registrations: list[Registration]) -> dict[int, list[Item]]:
    """Each registered person's checklist by user id; `registrations` with `user__profile`."""
    profiles = [r.user.profile for r in registrations]
    constituencies = constituencies_for(profiles)
    sessions = required_sessions(event)
    user_ids = [r.user_id for r in registrations]
    trained = cleared_user_ids(event, user_ids, sessions) if sessions else set()
    upcoming = next_session(sessions) if sessions else None
    urls = {
        "profile": reverse("my_lawmakers"),
        "availability": reverse("events:detail", args=[event.slug]) + "#registration-title",
        "training": reverse("trainings:detail", args=[upcoming.pk])
        if upcoming
        else reverse("trainings:list"),
        "packet": reverse("talkingpoints:packet", args=[event.slug]),
        "calendar": reverse("meetings:itinerary", args=[event.slug]),
    }
    checklists = {}
    for registration in registrations:
        profile = registration.user.profile
        items = [
            Item(
                "profile",
                "Profile and district complete",
                _profile_done(profile, constituencies[profile.pk]),
                urls["profile"],
                "Give your home ZIP code and, if it spans districts, choose yours.",
            ),
            Item(
                "availability",
                "Availability given",
                registration.availability_given_at is not None,
                urls["availability"],
                "Say when you can be booked on the day.",
            ),
        ]
        if sessions:
            items.append(
                Item(
                    "training",
                    "Required training attended",
                    registration.user_id in trained,
                    urls["training"],
                    f"Attend {upcoming.title if upcoming else sessions[0].title}.",
                )
            )
        items += [
            Item(
                "packet",
                "Briefing packet opened",
                registration.packet_opened_at is not None,
                urls["packet"],
                "Read your itinerary and the briefings for your meetings.",
            ),
            Item(
                "calendar",
                "Calendar subscribed",
                registration.calendar_added_at is not None,
                urls["calendar"],
                "Add your meetings to your calendar from your itinerary.",
            ),
        ]
        checklists[registration.user_id] = items
    return checklists


def checklist_panel(request, event: Event) -> str:
    """EVENT_PAGE_PANELS: the reader's own checklist, when they are registered."""
    if not request.user.is_authenticated:
        return ""
    registration = (
        Registration.objects.filter(event=event, user=request.user)
        .select_related("user__profile")
        .first()
    )
    if registration is None:
        return ""
    items = checklists_for(event=event, registrations=[registration])[request.user.pk]
    return render_to_string(
        "trainings/_checklist_panel.html",
        {
            "event": event,
            "items": items,
            "left": sum(1 for item in items if not item.done),
            "leads": request.user.is_staff or leads_any_chapter(request.user),
        },
        request=request,
    )

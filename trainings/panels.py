"""The itinerary's mentor section (ITINERARY_PANELS): a first-timer sees their mentor,
a mentor the way to their first-timers. One query; "" for anyone else."""

from django.db.models import Q
from django.template.loader import render_to_string

from events.models import Event
from trainings.models import Mentorship, MentorshipStatus


def mentor_panel(request, event: Event) -> str:
    user = request.user
    pairs = list(
        Mentorship.objects.filter(event=event, status=MentorshipStatus.CONFIRMED)
        .filter(Q(mentor=user) | Q(mentee=user))
        .select_related("mentor__profile", "mentee")
    )
    if not pairs:
        return ""
    return render_to_string(
        "trainings/_mentor_panel.html",
        {
            "event": event,
            "mentor": next((p.mentor for p in pairs if p.mentee_id == user.pk), None),
            "mentees": [p.mentee for p in pairs if p.mentor_id == user.pk],
        },
        request=request,
    )

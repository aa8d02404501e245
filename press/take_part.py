"""The press kit's own "how to take part" sections (see `PRESS_TAKE_PART_PROVIDERS`).

Other apps add theirs the same way (find your chapter, the action centre's
campaign): a function `(request, page) -> HTML`, "" when it has nothing to say.
"""

from django.template.loader import render_to_string
from django.urls import reverse

from press.forms import RsvpForm
from press.models import PublicPage


def register_for_the_day(request, page: PublicPage) -> str:
    if page.event_id is None:
        return ""
    return render_to_string(
        "press/take_part/register.html",
        {"page": page, "register_url": reverse("events:detail", args=[page.event.slug])},
        request=request,
    )


def coalition_rsvp(request, page: PublicPage) -> str:
    if page.coalition_event_id is None:
        return ""
    return render_to_string(
        "press/take_part/rsvp.html", {"page": page, "form": RsvpForm()}, request=request
    )

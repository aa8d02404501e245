"""What constituents wrote and called about, on the lawmaker's page (`LAWMAKER_PAGE_PANELS`).

Staff see every campaign's count; a chapter's leaders see those of their
chapters' campaigns and of the national ones, when the lawmaker is of one of
their chapters' states. Nobody else sees the panel.
"""

from django.db.models import Count, Q
from django.template.loader import render_to_string

from actions.access import led_states
from actions.models import Action
from chapters.selectors import led_chapter_ids
from lawmakers.models import Lawmaker


def lawmaker_actions_panel(request, lawmaker: Lawmaker) -> str:
    user = request.user
    if not user.is_authenticated:
        return ""
    actions = Action.objects.filter(lawmaker=lawmaker)
    if not user.is_staff:
        if lawmaker.state not in led_states(user):
            return ""
        actions = actions.filter(
            Q(campaign__chapter__isnull=True) | Q(campaign__chapter_id__in=led_chapter_ids(user))
        )
    campaigns = list(
        actions.values("campaign__slug", "campaign__title")
        .annotate(total=Count("id"), calls=Count("id", filter=Q(channel__startswith="call")))
        .order_by("-total", "campaign__title")
    )
    return render_to_string(
        "actions/_lawmaker_panel.html", {"lawmaker": lawmaker, "campaigns": campaigns}
    )

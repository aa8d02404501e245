"""The action centre's part of a public event page: its open public campaigns.

Listed in `PRESS_TAKE_PART_PROVIDERS`; the press kit calls it with the page being
shown (`press` imports no top app, and this app does not import `press`).
"""

from django.template.loader import render_to_string

from actions.selectors import open_campaigns_for_event


def open_campaigns(request, page) -> str:
    """The public campaigns open now for the page's Day of Action, or "" when none are."""
    if page.event_id is None:
        return ""
    campaigns = list(open_campaigns_for_event(page.event))
    if not campaigns:
        return ""
    return render_to_string(
        "actions/take_part.html", {"campaigns": campaigns, "page": page}, request=request
    )

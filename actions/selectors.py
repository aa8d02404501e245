"""Reads of the action centre that pages share (and one the public event page uses)."""

from django.db.models import Count, Q, QuerySet

from actions.models import Action, Campaign
from chapters.selectors import led_chapter_ids


def open_campaigns_for_event(event) -> QuerySet[Campaign]:
    """Public campaigns open now and linked to this Day of Action, for its public page."""
    return Campaign.objects.open().filter(event=event, is_public=True).order_by("ends_at", "pk")


def campaigns_open_to(user) -> QuerySet[Campaign]:
    campaigns = Campaign.objects.open().select_related("chapter", "event")
    if not user.is_authenticated:
        campaigns = campaigns.filter(is_public=True)
    return campaigns.order_by("ends_at", "pk")


def campaigns_managed_by(user) -> QuerySet[Campaign]:
    """Staff: every campaign. Leaders: their chapters' and the national ones (their states)."""
    campaigns = Campaign.objects.select_related("chapter", "event").annotate(
        action_count=Count("actions")
    )
    if not user.is_staff:
        campaigns = campaigns.filter(
            Q(chapter_id__in=led_chapter_ids(user)) | Q(chapter__isnull=True)
        )
    return campaigns.order_by("-starts_at", "pk")


def actions_with_people() -> QuerySet[Action]:
    return Action.objects.select_related(
        "campaign", "lawmaker", "district_office", "user", "supporter"
    )


def actions_of_user(user) -> QuerySet[Action]:
    return actions_with_people().filter(user=user)


def actions_of_supporter(supporter_id: int | None, campaign: Campaign) -> QuerySet[Action]:
    if not supporter_id:
        return Action.objects.none()
    return actions_with_people().filter(
        supporter_id=supporter_id, supporter__forgotten_at__isnull=True, campaign=campaign
    )


def actions_in_scope(campaign: Campaign, states: list[str] | None) -> QuerySet[Action]:
    actions = Action.objects.filter(campaign=campaign)
    return actions if states is None else actions.filter(state__in=states)

"""How the action centre's emails read on the staff's outbox pages (registered at start)."""

from actions.models import Campaign
from outbox import labels


def describe_campaigns(ids: list[int]) -> dict[int, str]:
    return dict(Campaign.objects.filter(pk__in=ids).values_list("pk", "title"))


labels.register_kind("actions.letter", "Campaign letter to a lawmaker")
labels.register_kind("actions.forget", "Forget-me confirmation")
labels.register_topic("campaign", describe_campaigns)

"""How coalition emails read on the staff's outbox pages (registered with the outbox)."""

from coalitions.models import CoalitionEvent
from outbox import labels

KINDS = {
    "coalitions.invitation": "Coalition event invitation",
    "coalitions.thank_you": "Coalition event thank-you",
    "coalitions.introduction": "Letter of introduction",
}


def describe_coalition_events(ids: list[int]) -> dict[int, str]:
    return dict(CoalitionEvent.objects.filter(pk__in=ids).values_list("pk", "name"))


def register_all() -> None:
    for kind, label in KINDS.items():
        labels.register_kind(kind, label)
    labels.register_topic("coalition-event", describe_coalition_events)

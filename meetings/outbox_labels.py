"""How meetings' own emails read on the staff's outbox pages (registered with the outbox)."""

from meetings.departures import KIND, describe_lawmakers
from outbox import labels


def register_all() -> None:
    labels.register_kind(KIND, "Lawmaker left office")
    labels.register_topic("lawmaker", describe_lawmakers)

"""How sessions' emails read on the staff's outbox pages (registered with the outbox)."""

from outbox import labels
from trainings.mailing import INTRODUCTION_KIND, KINDS, NUDGE_KIND
from trainings.models import Session


def describe_sessions(ids: list[int]) -> dict[int, str]:
    return {pk: str(session) for pk, session in Session.objects.in_bulk(ids).items()}


def register_all() -> None:
    for kind, label in KINDS.items():
        labels.register_kind(kind, label)
    labels.register_kind(NUDGE_KIND, "Checklist reminder from a leader")
    labels.register_kind(INTRODUCTION_KIND, "Mentor introduction")
    labels.register_topic("session", describe_sessions)

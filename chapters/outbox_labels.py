"""How chapters' emails read on the staff's outbox pages (registered with the outbox)."""

from chapters.models import Invitation
from outbox import labels


def describe_invitations(ids: list[int]) -> dict[int, str]:
    rows = Invitation.objects.filter(pk__in=ids).values_list("pk", "chapter__name")
    return {pk: f"Invitation to join {chapter}" for pk, chapter in rows}


def register_all() -> None:
    labels.register_kind("chapters.invitation", "Chapter invitation")
    labels.register_topic("invitation", describe_invitations)

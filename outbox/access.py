"""Who may see the outbox: national staff only (it holds everyone's mail)."""

from common import access
from outbox.models import Email

OUTBOX_IS_STAFFS = "Only national staff can see the outbox."


def require_staff(user) -> None:
    access.require_staff(user, OUTBOX_IS_STAFFS)


def email_for_staff(user, pk: int) -> Email:
    return access.object_for_staff(user, Email, reason=OUTBOX_IS_STAFFS, pk=pk)

"""Who may see the outbox: national staff only (it holds everyone's mail)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from outbox.models import Email


def require_staff(user) -> None:
    if not user.is_staff:
        raise PermissionDenied("Only national staff can see the outbox.")


def email_for_staff(user, pk: int) -> Email:
    require_staff(user)
    return get_object_or_404(Email, pk=pk)

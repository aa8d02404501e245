"""Staff-only lookups: the one check that a person is national staff, for every app.

National staff are `User.is_staff` (see docs/architecture.md, "Who may do what").
Each app's access module builds its own helpers on these, giving the reason a
person who is not staff reads on the 403 page.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

STAFF_ONLY = "Only national staff can do that."


def require_staff(user, reason: str = STAFF_ONLY) -> None:
    """Raise 403 with `reason` unless `user` is national staff."""
    if not user.is_staff:
        raise PermissionDenied(reason)


def object_for_staff(user, model_or_queryset, *, reason: str = STAFF_ONLY, **lookup):
    """The object for national staff (404 when it is not there), 403 for anyone else.

    Staff are checked first, so someone else learns nothing of what exists.
    """
    require_staff(user, reason)
    return get_object_or_404(model_or_queryset, **lookup)


def staff_required(reason: str = STAFF_ONLY):
    """A view decorator: log in first, then national staff only."""

    def decorator(view):
        @login_required
        @wraps(view)
        def staff_view(request, *args, **kwargs):
            require_staff(request.user, reason)
            return view(request, *args, **kwargs)

        return staff_view

    return decorator

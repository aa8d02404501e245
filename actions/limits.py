"""The rate limits of the action centre's public POSTs: per client address and per email.

Counted in the shared cache (`common.ratelimits`), so every web process counts
together; the numbers are settings (`ACTIONS_LIMIT_*`).
"""

from django.conf import settings
from django.shortcuts import render

from common.ratelimits import client_address, hashed, over_limit

TOO_MANY = "Too many requests from here in a short time: please wait a few minutes and try again."


def too_many(request, email: str = "") -> bool:
    """Count this request per client address and, when given, per email address."""
    window = settings.ACTIONS_LIMIT_WINDOW_SECONDS
    if over_limit(
        f"actions:ip:{client_address(request)}",
        limit=settings.ACTIONS_LIMIT_PER_ADDRESS,
        seconds=window,
    ):
        return True
    return bool(email) and over_limit(
        f"actions:email:{hashed(email)}", limit=settings.ACTIONS_LIMIT_PER_EMAIL, seconds=window
    )


def refused(request):
    return render(request, "actions/refused.html", {"problem": TOO_MANY}, status=429)

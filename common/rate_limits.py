"""Counting requests from one address in the shared cache, for public pages.

Counted in the shared cache (CACHE_URL), so every web process counts together.
"""

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied


def client_address(request) -> str:
    """The client's address as allauth's own rate limits see it: behind
    `DAYOFACTION_TRUSTED_PROXY_COUNT` proxies, the address they forwarded."""
    try:
        return get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        # A forwarded-for header shorter than the proxies we trust (it did not come
        # through them) or no address at all: counted by the connection, never an error.
        return request.META.get("REMOTE_ADDR") or "unknown"


def too_many(request, *, scope: str, limit: int, window_seconds: int) -> bool:
    """Count this request; True once this address made more than `limit` in the window."""
    key = f"{scope}:{client_address(request)}"
    cache.add(key, 0, window_seconds)
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr
        return False

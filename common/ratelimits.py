"""Fixed-window counters in the shared cache, for public pages without an account.

Counted in Django's cache (Redis in production, `CACHE_URL`), so every web
process counts together, as allauth's own rate limits do. The client's address
is the one allauth sees: behind `DAYOFACTION_TRUSTED_PROXY_COUNT` proxies, the
address they forwarded.

    if over_limit(f"actions.log:ip:{client_address(request)}", limit=60, seconds=600):
        ...answer 429
"""

import hashlib

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied


def client_address(request) -> str:
    try:
        return get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        # A forwarded-for header shorter than the proxies we trust, or no address at
        # all: counted by the connection, never an error.
        return request.META.get("REMOTE_ADDR") or "unknown"


def hashed(value: str) -> str:
    """A cache key part for personal data (an email address): never stored as written."""
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]


def over_limit(key: str, *, limit: int, seconds: int) -> bool:
    """Count one more hit on `key`; True once the window holds more than `limit`."""
    key = f"ratelimit:{key}"
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr: a new window
        cache.add(key, 1, seconds)
        return False

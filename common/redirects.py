"""Where a form asked to go back to, if that is a page of this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def next_or(request, fallback: str, *, data=None) -> str:
    """The `next` of the POST (or of `data`, e.g. the query string) when it is a path on
    this host, else the fallback.

    Only paths are followed: `redirect()` would take any other word for the name of a
    view and fail to reverse it, and a NUL or another host is never where we send people.
    """
    target = (request.POST if data is None else data).get("next", "")
    if (
        target.startswith("/")
        and "\x00" not in target
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return fallback

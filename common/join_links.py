"""Join links of video calls: the one rule for what a link may be, and rooms of our own.

A link is https only; the well-known providers are recognised by their host and shown
by name ("Zoom"), any other https address is allowed and shown by its host. A room on
the organisation's own video server (a self-hosted Jitsi, say) is made from the
`VIDEO_SERVER_URL` setting and a random name nobody can guess; no outside service is
called. Meetings use this today; trainings and webinars will too.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

# Host suffixes of the providers people know by name.
PROVIDERS = (
    ("zoom.us", "Zoom"),
    ("zoomgov.com", "Zoom"),
    ("teams.microsoft.com", "Microsoft Teams"),
    ("teams.live.com", "Microsoft Teams"),
    ("meet.google.com", "Google Meet"),
    ("webex.com", "Webex"),
    ("meet.jit.si", "Jitsi"),
    ("8x8.vc", "Jitsi"),
)
# 16 random bytes: a room name nobody finds by trying.
ROOM_NAME_BYTES = 16
MAX_LENGTH = 500

_url_validator = URLValidator(schemes=["https"])


@dataclass(frozen=True)
class JoinLink:
    url: str
    provider: str


def provider_name(url: str) -> str:
    """The provider's name for a join link ("Zoom"), or the host for any other address."""
    host = (urlsplit(url).hostname or "").lower()
    own = own_server_host()
    if own and host == own:
        return "our video server"
    for suffix, name in PROVIDERS:
        if host == suffix or host.endswith("." + suffix):
            return name
    return host


def join_link_clean(value: str) -> JoinLink:
    """A join link people can trust, or ValidationError saying what is wrong with it."""
    url = (value or "").strip()
    if not url:
        raise ValidationError("Give the join link.", code="required")
    if len(url) > MAX_LENGTH:
        raise ValidationError(f"A join link has at most {MAX_LENGTH} characters.", code="long")
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme == "http":
        raise ValidationError(
            "The join link must start with https:// (an http link is not encrypted).",
            code="insecure",
        )
    try:
        _url_validator(url)
    except ValidationError:
        raise ValidationError(
            "This is not a web address: a join link looks like https://zoom.us/j/123456789.",
            code="invalid",
        ) from None
    return JoinLink(url=url, provider=provider_name(url))


def own_server_host() -> str:
    base = getattr(settings, "VIDEO_SERVER_URL", "")
    return (urlsplit(base).hostname or "").lower() if base else ""


def own_room_available() -> bool:
    """Whether the organisation has a video server to make rooms on."""
    return bool(getattr(settings, "VIDEO_SERVER_URL", ""))


def own_room_new(*, prefix: str = "dayofaction") -> JoinLink:
    """A new room on our own video server, with a name nobody can guess."""
    base = getattr(settings, "VIDEO_SERVER_URL", "")
    if not base:
        raise ValueError("No video server is set (DAYOFACTION_VIDEO_SERVER_URL).")
    name = f"{prefix}-{secrets.token_urlsafe(ROOM_NAME_BYTES)}"
    return JoinLink(url=f"{base.rstrip('/')}/{name}", provider="our video server")


class JoinLinkField(forms.CharField):
    """A form's join-link input: empty, or a link `join_link_clean` accepts (its URL)."""

    widget = forms.URLInput(attrs={"inputmode": "url", "placeholder": "https://"})

    def __init__(self, **kwargs):
        super().__init__(**{"max_length": MAX_LENGTH, "required": False, **kwargs})

    def clean(self, value):
        value = super().clean(value)
        return join_link_clean(value).url if value else ""

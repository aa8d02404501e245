"""Which time zone a member lives in: from their state, asked where the state spans several.

The first zone of a state is where most of its people live; a state with more than
one is never guessed: the profile form asks.
"""

from __future__ import annotations

import zoneinfo

from members.models import Profile, User

# Several zones: the profile asks which one.
STATE_ZONES: dict[str, tuple[str, ...]] = {
    "AK": ("America/Anchorage", "America/Adak"),
    "FL": ("America/New_York", "America/Chicago"),
    "ID": ("America/Boise", "America/Los_Angeles"),
    "IN": ("America/Indiana/Indianapolis", "America/Chicago"),
    "KS": ("America/Chicago", "America/Denver"),
    "KY": ("America/New_York", "America/Chicago"),
    "MI": ("America/Detroit", "America/Menominee"),
    "ND": ("America/Chicago", "America/Denver"),
    "NE": ("America/Chicago", "America/Denver"),
    "OR": ("America/Los_Angeles", "America/Boise"),
    "SD": ("America/Chicago", "America/Denver"),
    "TN": ("America/Chicago", "America/New_York"),
    "TX": ("America/Chicago", "America/Denver"),
}
# One zone each.
_EASTERN = ("CT", "DC", "DE", "GA", "MA", "MD", "ME", "NC", "NH", "NJ", "NY", "OH", "PA")
_EASTERN += ("RI", "SC", "VA", "VT", "WV")
_CENTRAL = ("AL", "AR", "IA", "IL", "LA", "MN", "MO", "MS", "OK", "WI")
_MOUNTAIN = ("CO", "MT", "NM", "UT", "WY")
STATE_ZONES.update(dict.fromkeys(_EASTERN, ("America/New_York",)))
STATE_ZONES.update(dict.fromkeys(_CENTRAL, ("America/Chicago",)))
STATE_ZONES.update(dict.fromkeys(_MOUNTAIN, ("America/Denver",)))
STATE_ZONES.update(
    {
        "AZ": ("America/Phoenix",),  # no daylight saving time (the Navajo Nation aside)
        "CA": ("America/Los_Angeles",),
        "NV": ("America/Los_Angeles",),
        "WA": ("America/Los_Angeles",),
        "HI": ("Pacific/Honolulu",),
        "PR": ("America/Puerto_Rico",),
        "VI": ("America/St_Thomas",),
        "GU": ("Pacific/Guam",),
        "AS": ("Pacific/Pago_Pago",),
        "MP": ("Pacific/Saipan",),
    }
)

ZONE_NAMES = {
    "America/New_York": "Eastern",
    "America/Detroit": "Eastern (Michigan)",
    "America/Indiana/Indianapolis": "Eastern (Indiana)",
    "America/Chicago": "Central",
    "America/Menominee": "Central (Michigan)",
    "America/Denver": "Mountain",
    "America/Boise": "Mountain (Idaho, Oregon)",
    "America/Phoenix": "Arizona (no daylight saving)",
    "America/Los_Angeles": "Pacific",
    "America/Anchorage": "Alaska",
    "America/Adak": "Hawaii-Aleutian (Aleutian Islands)",
    "Pacific/Honolulu": "Hawaii",
    "America/Puerto_Rico": "Atlantic (Puerto Rico)",
    "America/St_Thomas": "Atlantic (Virgin Islands)",
    "Pacific/Guam": "Chamorro (Guam)",
    "Pacific/Saipan": "Chamorro (Northern Mariana Islands)",
    "Pacific/Pago_Pago": "Samoa",
}


def zones_for_state(state: str) -> tuple[str, ...]:
    return STATE_ZONES.get((state or "").upper(), ())


def zone_label(zone: str) -> str:
    return ZONE_NAMES.get(zone, zone.replace("_", " "))


def zone_choices(state: str) -> list[tuple[str, str]]:
    """The zones of the state first, then every US zone we name."""
    own = zones_for_state(state)
    rest = [zone for zone in ZONE_NAMES if zone not in own]
    return [(zone, f"{zone_label(zone)} time ({zone})") for zone in (*own, *rest)]


def zone_for_state(state: str) -> str:
    """The state's zone when it has only one; "" when it has several (ask) or is unknown."""
    zones = zones_for_state(state)
    return zones[0] if len(zones) == 1 else ""


def profile_zone(profile: Profile | None) -> str:
    if profile is None:
        return ""
    return profile.time_zone or zone_for_state(profile.state)


def reader_zone(user: User, *, default: str) -> zoneinfo.ZoneInfo:
    """The zone to show a signed-in person times in: theirs, or `default` when not known."""
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return zoneinfo.ZoneInfo(profile_zone(profile) or default)

"""The walking rules of a Day of Action: how much time one needs between two meetings."""

from dataclasses import dataclass
from datetime import datetime

from events.models import Event
from lawmakers.models import Building, CapitolSide

SENATE_BUILDINGS = {Building.RUSSELL, Building.DIRKSEN, Building.HART}


def capitol_side(building: str, room: str = "") -> str:
    if building in SENATE_BUILDINGS:
        return CapitolSide.SENATE
    if building == Building.CAPITOL:
        return CapitolSide.SENATE if room.upper().startswith("S") else CapitolSide.HOUSE
    return CapitolSide.HOUSE if building else ""


@dataclass(frozen=True)
class Slot:
    """What the rules need to know of a meeting."""

    starts_at: datetime
    ends_at: datetime
    building: str
    room: str
    label: str

    @classmethod
    def of(cls, meeting) -> "Slot":
        return cls(
            meeting.starts_at,
            meeting.ends_at,
            meeting.building,
            meeting.room,
            str(meeting.lawmaker),
        )


def required_gap_minutes(event: Event, first: Slot, second: Slot) -> int:
    """Minutes needed to walk from one meeting's room to the next one's."""
    if first.building and first.building == second.building:
        return event.gap_same_building_minutes
    side_a, side_b = (
        capitol_side(first.building, first.room),
        capitol_side(second.building, second.room),
    )
    if side_a and side_b and side_a != side_b:
        return event.gap_across_sides_minutes
    if side_a and side_b:
        return event.gap_same_side_minutes
    # A room not known yet: assume the longest walk, so nobody is promised the impossible.
    return event.gap_across_sides_minutes


def gap_minutes(first: Slot, second: Slot) -> int:
    return int((second.starts_at - first.ends_at).total_seconds() // 60)


def clash(event: Event, slot: Slot, other: Slot, *, whose: str = "your") -> str | None:
    """Why one person cannot attend both meetings, or None (`whose="their"` for a leader)."""
    first, second = sorted((slot, other), key=lambda s: s.starts_at)
    # In the event's time zone: the database's UTC would name the wrong hour.
    other_label = f"{other.label} at {event.local(other.starts_at):%-I:%M %p}"
    if first.ends_at > second.starts_at:
        return f"it overlaps {whose} meeting with {other_label}"
    needed = required_gap_minutes(event, first, second)
    have = gap_minutes(first, second)
    if have < needed:
        return (
            f"it leaves {have} minutes to walk to or from {whose} meeting with {other_label}, "
            f"and the event allows {needed} minutes between these rooms"
        )
    return None

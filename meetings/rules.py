"""The walking rules of a Day of Action: how much time one needs between two meetings.

The event's three gaps (same building, same side, across sides) are the
defaults; the campus it walks (the U.S. Capitol for a national day, the
state's capitol for a state day) says which buildings share a side or group
and where a walk between two buildings takes its own minutes.
"""

from dataclasses import dataclass
from datetime import datetime

from events.models import Event
from events.models import Level as EventLevel
from lawmakers.campuses import WalkingRules, walking_rules
from lawmakers.capitol import capitol_side
from lawmakers.models import Level

__all__ = ["Slot", "capitol_side", "clash", "gap_minutes", "required_gap_minutes"]

_RULES_ATTRIBUTE = "_walking_rules"


@dataclass(frozen=True)
class Slot:
    """What the rules need to know of a meeting."""

    starts_at: datetime
    ends_at: datetime
    building: str
    room: str
    label: str
    # A video or phone call: no room to walk to.
    remote: bool = False

    @classmethod
    def of(cls, meeting) -> "Slot":
        return cls(
            meeting.starts_at,
            meeting.ends_at,
            meeting.building,
            meeting.room,
            str(meeting.lawmaker),
            meeting.is_remote,
        )


def campus_rules(event: Event) -> WalkingRules:
    """The walking rules of the event's campus, read once per event object."""
    rules = event.__dict__.get(_RULES_ATTRIBUTE)
    if rules is None:
        if event.level == EventLevel.NATIONAL:
            rules = walking_rules(level=Level.FEDERAL)
        else:
            rules = walking_rules(level=Level.STATE, state=event.state)
        event.__dict__[_RULES_ATTRIBUTE] = rules
    return rules


def walking_group(event: Event, building: str, room: str = "") -> str:
    """The side or group of the event's campus a room is in ("" when unknown)."""
    return campus_rules(event).group(building, room) if building else ""


def required_gap_minutes(
    event: Event, first: Slot, second: Slot, *, from_the_hill: bool = False
) -> int:
    """Minutes needed to walk from one meeting's room to the next one's.

    Between two calls: the event's spacing. Between a call and an office visit one
    must leave the room (or reach it): the longest walk, unless the person said they
    join their calls from the Hill, when finding a quiet corner is enough.
    """
    if first.remote and second.remote:
        return event.remote_spacing_minutes
    if first.remote or second.remote:
        if from_the_hill:
            return event.gap_same_building_minutes
        return event.gap_across_sides_minutes
    if first.building and first.building == second.building:
        return event.gap_same_building_minutes
    if not first.building or not second.building:
        # A room not known yet: assume the longest walk, so nobody is promised the impossible.
        return event.gap_across_sides_minutes
    rules = campus_rules(event)
    minutes = rules.pair_minutes(first.building, second.building)
    if minutes is not None:
        # Leaving one office and finding the next never takes less than within a building.
        return max(minutes, event.gap_same_building_minutes)
    group_a = rules.group(first.building, first.room)
    group_b = rules.group(second.building, second.room)
    if group_a and group_b:
        return (
            event.gap_same_side_minutes if group_a == group_b else event.gap_across_sides_minutes
        )
    # A building this campus does not know (a Senate room on a state day): the longest walk.
    return event.gap_across_sides_minutes


def gap_minutes(first: Slot, second: Slot) -> int:
    return int((second.starts_at - first.ends_at).total_seconds() // 60)


def clash(
    event: Event, slot: Slot, other: Slot, *, whose: str = "your", from_the_hill: bool = False
) -> str | None:
    """Why one person cannot attend both meetings, or None (`whose="their"` for a leader)."""
    first, second = sorted((slot, other), key=lambda s: s.starts_at)
    # In the event's time zone: the database's UTC would name the wrong hour.
    other_label = f"{other.label} at {event.local(other.starts_at):%-I:%M %p}"
    if first.ends_at > second.starts_at:
        return f"it overlaps {whose} meeting with {other_label}"
    needed = required_gap_minutes(event, first, second, from_the_hill=from_the_hill)
    have = gap_minutes(first, second)
    if have < needed and first.remote and second.remote:
        return (
            f"it leaves {have} minutes between {whose} call and the one with {other_label}, "
            f"and the event keeps {needed} minutes between calls"
        )
    if have < needed:
        return (
            f"it leaves {have} minutes to walk to or from {whose} meeting with {other_label}, "
            f"and the event allows {needed} minutes between these rooms"
        )
    return None

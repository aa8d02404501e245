"""The event's walking rules as the plain function the planner's `Rules` takes."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import cache

from events.models import Event
from meetings.rules import Slot, required_gap_minutes
from planner.problem import Place

_ANY_TIME = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def walking_minutes_for(event: Event) -> Callable[[Place, Place], int]:
    """Minutes to walk between two places, by the same rule the schedule board applies."""

    # Unbounded: an event has a few hundred rooms, and a plan asks for thousands of
    # their pairs many times over; each miss costs a trip through the campus rules.
    @cache
    def walking_minutes(first: Place, second: Place) -> int:
        return required_gap_minutes(
            event,
            Slot(_ANY_TIME, _ANY_TIME, first.building, first.room, "", first.remote),
            Slot(_ANY_TIME, _ANY_TIME, second.building, second.room, "", second.remote),
        )

    return walking_minutes

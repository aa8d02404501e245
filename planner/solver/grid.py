"""The day as a grid of start slots: times become small integers the model can reason about."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from planner.problem import Rules, Window


@dataclass(frozen=True)
class Grid:
    """Slot 0 starts the day; a slot is `minutes` long; a meeting lasts `meeting` minutes."""

    origin: datetime.datetime
    minutes: int
    meeting: int
    # The latest slot a meeting may start at and still end inside the day.
    last_start: int

    @classmethod
    def of(cls, rules: Rules) -> Grid:
        day = int((rules.day.ends_at - rules.day.starts_at).total_seconds() // 60)
        last_start = (day - rules.meeting_minutes) // rules.grid_minutes
        return cls(rules.day.starts_at, rules.grid_minutes, rules.meeting_minutes, last_start)

    def minute(self, moment: datetime.datetime) -> float:
        return (moment - self.origin).total_seconds() / 60

    def time(self, slot: int) -> datetime.datetime:
        return self.origin + datetime.timedelta(minutes=slot * self.minutes)

    def end(self, slot: int) -> datetime.datetime:
        return self.time(slot) + datetime.timedelta(minutes=self.meeting)

    def slot_of(self, moment: datetime.datetime) -> int | None:
        """The slot starting exactly at this moment, or None when it is off the grid."""
        minute = self.minute(moment)
        if minute % self.minutes or not 0 <= minute // self.minutes <= self.last_start:
            return None
        return int(minute // self.minutes)

    def separation(self, walk_minutes: int) -> int:
        """Slots from one meeting's start to the earliest start of the next, walk included."""
        return math.ceil((self.meeting + walk_minutes) / self.minutes)

    def starts_within(self, window: Window) -> set[int]:
        """Start slots whose whole meeting fits inside the window (and the day)."""
        first = max(0, math.ceil(self.minute(window.starts_at) / self.minutes))
        latest_end = self.minute(window.ends_at)
        last = min(self.last_start, math.floor((latest_end - self.meeting) / self.minutes))
        return set(range(first, last + 1))

    def starts_colliding(
        self,
        starts_at: datetime.datetime,
        ends_at: datetime.datetime,
        walk_to: int = 0,
        walk_from: int = 0,
    ) -> set[int]:
        """Start slots whose meeting would collide with a fixed stretch of time.

        `walk_to` is the walk from our meeting to the stretch, `walk_from` the walk back.
        """
        begins, finishes = self.minute(starts_at), self.minute(ends_at)
        return {
            slot
            for slot in range(self.last_start + 1)
            if slot * self.minutes + self.meeting + walk_to > begins
            and slot * self.minutes < finishes + walk_from
        }

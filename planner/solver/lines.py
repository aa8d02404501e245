"""Our video lines as a capacity shared by the whole day.

A call on our line holds it from its start until the line has rested after it:
`Grid.separation(rest)` slots. The parts of a day are solved apart, but the lines are
one pool, so the parts' timetables are made one after another against one book of
what is taken (`LineBook`): each part's schedule sees the lines the parts before it
used, and what it keeps is written in before the next one looks.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from dataclasses import dataclass, field

from planner.solver.prepare import Instance


@dataclass
class LineBook:
    lines: int | None
    # Slots a call on our line holds it for (the meeting and the rest after it).
    hold: int
    used: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def of(cls, instance: Instance) -> LineBook:
        rules, grid = instance.problem.rules, instance.grid
        book = cls(rules.video_lines, grid.separation(rules.line_rest_minutes))
        for pin in instance.problem.pins:
            if pin.our_line:
                # A kept meeting may be off the grid: it holds every slot it touches.
                first = math.floor(grid.minute(pin.starts_at) / grid.minutes)
                end = grid.minute(pin.ends_at) + rules.line_rest_minutes
                book.take(first, math.ceil(end / grid.minutes) - first)
        return book

    @property
    def limited(self) -> bool:
        return self.lines is not None

    def take(self, slot: int, length: int | None = None) -> None:
        for tick in range(slot, slot + (self.hold if length is None else length)):
            self.used[tick] += 1

    def free_at(self, slot: int, extra: Counter | None = None) -> bool:
        """Whether one more call on our line can start at this slot."""
        if self.lines is None:
            return True
        extra = extra or Counter()
        return all(
            self.used[tick] + extra[tick] < self.lines for tick in range(slot, slot + self.hold)
        )

    def taken(self) -> list[tuple[int, int]]:
        """(slot, lines in use) for every slot something holds, at most the capacity."""
        return [(tick, min(count, self.lines)) for tick, count in sorted(self.used.items())]

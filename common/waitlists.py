"""The one rule of a waitlist: free places go to those waiting, first come first served.

A meeting's seats and a training's places share it. The caller holds the lock on
what has the places (the meeting's or the session's row), hands over the waiting
entries in the order they asked, and says when there is room, whether one entry
may take a place now (a person with a clash is passed over and stays first in
line for the next one) and how a place is given.
"""

from collections.abc import Callable, Iterable
from typing import TypeVar

Entry = TypeVar("Entry")


def promote_in_order(
    waiting: Iterable[Entry],
    *,
    has_room: Callable[[], bool],
    may_take: Callable[[Entry], bool],
    confirm: Callable[[Entry], None],
) -> list[Entry]:
    """Confirm waiting entries in order while there is room; returns those confirmed."""
    promoted = []
    for entry in waiting:
        if not has_room():
            break
        if not may_take(entry):
            continue
        confirm(entry)
        promoted.append(entry)
    return promoted

"""What a refresh of the lawmakers tells the apps above, after its writes are committed.

Lawmakers know no domain app: meetings, which refer to lawmakers and their
offices, connect receivers (`meetings/receivers.py`). Both are sent with
`send_robust`, so a failing receiver is logged and the refresh stands.
"""

from dataclasses import dataclass

from django.dispatch import Signal

# Sent with `lawmaker_ids`: lawmakers who no longer serve, because they are gone
# from the data (this refresh) or their term's end has passed (they may still be in
# the data, which lags). Sent on every refresh while it is so: receivers keep it once.
lawmakers_departed = Signal()
# Sent with `moves`, a list of `OfficeMove`: lawmakers whose DC or capitol office
# changed building or room in this refresh.
office_moved = Signal()


@dataclass(frozen=True)
class OfficeMove:
    lawmaker_id: int
    old_building: str
    old_room: str
    new_building: str
    new_room: str

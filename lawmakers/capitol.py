"""Read a Washington office as published ("511 Hart Senate Office Building",
"1301 LHOB; Washington, DC 20515", "H307 CAPITOL") into building, room and side."""

import re
from typing import NamedTuple

from lawmakers.models import Building, CapitolSide

# Full names as lawmakers' offices give them, and the abbreviations committees use.
_BUILDING_WORDS = [
    (r"RUSSELL|SROB|\bSR\b", Building.RUSSELL),
    (r"DIRKSEN|DSOB|\bSD\b", Building.DIRKSEN),
    (r"HART|HSOB|\bSH\b", Building.HART),
    (r"CANNON|CHOB", Building.CANNON),
    (r"LONGWORTH|LHOB", Building.LONGWORTH),
    (r"RAYBURN|RHOB", Building.RAYBURN),
    (r"FORD|FHOB", Building.FORD),
    (r"CAPITOL", Building.CAPITOL),
]
SENATE_BUILDINGS = frozenset({Building.RUSSELL, Building.DIRKSEN, Building.HART})
HOUSE_BUILDINGS = frozenset({Building.CANNON, Building.LONGWORTH, Building.RAYBURN, Building.FORD})
_ROOM = re.compile(r"^\s*([A-Z]{0,3}\d*-?\d+[A-Z]?)\b", re.IGNORECASE)


class Office(NamedTuple):
    building: str
    room: str
    side: str


def capitol_side(building: str, room: str = "") -> str:
    """The side of the U.S. Capitol a room is on, or "" when neither building nor room says."""
    if building in SENATE_BUILDINGS:
        return CapitolSide.SENATE
    if building == Building.CAPITOL:
        # Rooms in the Capitol carry their wing: S-211 / SVC on the Senate side, H / HVC the House.
        wing = room.strip().upper()[:1]
        return {"S": CapitolSide.SENATE, "H": CapitolSide.HOUSE}.get(wing, "")
    if building in HOUSE_BUILDINGS:
        return CapitolSide.HOUSE
    return ""


def parse_office(text: str) -> Office:
    """Building, room and side of the Capitol; empty strings for what is not recognised."""
    place = (text or "").split(";", 1)[0].strip()
    if not place:
        return Office("", "", "")
    upper = place.upper()
    building = next((b for pattern, b in _BUILDING_WORDS if re.search(pattern, upper)), "")
    match = _ROOM.match(place)
    room = match.group(1).upper() if match else ""
    return Office(str(building), room, str(capitol_side(building, room)))

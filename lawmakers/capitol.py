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
_SENATE_BUILDINGS = {Building.RUSSELL, Building.DIRKSEN, Building.HART}
_ROOM = re.compile(r"^\s*([A-Z]{0,3}\d*-?\d+[A-Z]?)\b", re.IGNORECASE)


class Office(NamedTuple):
    building: str
    room: str
    side: str


def parse_office(text: str) -> Office:
    """Building, room and side of the Capitol; empty strings for what is not recognised."""
    place = (text or "").split(";", 1)[0].strip()
    if not place:
        return Office("", "", "")
    upper = place.upper()
    building = next((b for pattern, b in _BUILDING_WORDS if re.search(pattern, upper)), "")
    match = _ROOM.match(place)
    room = match.group(1).upper() if match else ""
    if building in _SENATE_BUILDINGS:
        side = CapitolSide.SENATE
    elif building == Building.CAPITOL:
        # Rooms in the Capitol carry their wing: S-211 / SVC on the Senate side, H / HVC the House.
        side = (
            CapitolSide.SENATE
            if room.startswith("S")
            else CapitolSide.HOUSE
            if room.startswith("H")
            else ""
        )
    elif building:
        side = CapitolSide.HOUSE
    else:
        side = ""
    return Office(str(building), room, str(side))

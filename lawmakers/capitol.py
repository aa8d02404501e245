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


# A state legislator's capitol office as Open States publishes it, e.g.
# "Room 732, Cordell Hull Building 425 Rep. John Lewis Way North, Nashville, TN 37243"
# or "1021 O St. Suite 8530, Sacramento, CA 95814". Checked in order: the first match wins.
_STATE_BUILDING_WORDS = {
    "TN": [
        (r"CORDELL HULL", Building.TN_CORDELL_HULL),
        (r"CAPITOL", Building.TN_CAPITOL),
    ],
    "MA": [(r"STATE HOUSE|24 BEACON", Building.MA_STATE_HOUSE)],
    "CA": [
        (r"\b1021 O\b", Building.CA_O_STREET),
        (r"\b1020 N\b|LEGISLATIVE OFFICE BUILDING", Building.CA_N_STREET),
        (r"CAPITOL ANNEX", Building.CA_CAPITOL_ANNEX),
        (r"CAPITOL", Building.CA_CAPITOL),
    ],
    "MN": [
        (r"SENATE BUILDING|95 (W\. )?UNIVERSITY", Building.MN_SENATE),
        (r"CENTENNIAL", Building.MN_CENTENNIAL),
        (r"STATE OFFICE BUILDING", Building.MN_STATE_OFFICE),
        (r"CAPITOL", Building.MN_CAPITOL),
    ],
}
_STATE_ROOM = re.compile(r"\b(?:ROOM|SUITE)\s+([A-Z0-9][A-Z0-9-]*)", re.IGNORECASE)
_FLOOR = re.compile(r"\b([A-Z][a-z]+|\d+(?:st|nd|rd|th)) Floor\b")


def parse_state_office(text: str, state: str) -> Office:
    """Building and room of a state capitol office; empty strings for what is not recognised.

    Where the office gives a floor and no room (Minnesota's Centennial Office
    Building), the floor stands in as the room: it is what a visitor looks for.
    """
    place = (text or "").strip()
    if not place:
        return Office("", "", "")
    upper = place.upper()
    words = _STATE_BUILDING_WORDS.get(state.upper(), [])
    building = next((b for pattern, b in words if re.search(pattern, upper)), "")
    if not building:
        return Office("", "", "")
    room_match = _STATE_ROOM.search(place)
    floor_match = _FLOOR.search(place)
    if room_match:
        room = room_match.group(1).upper()
    elif floor_match:
        room = f"{floor_match.group(1)} floor"
    else:
        room = ""
    return Office(str(building), room[:20], "")

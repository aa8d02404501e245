"""Campuses: which buildings a Day of Action walks between, and how long the walks take.

The defaults below seed the tables (`Campus`, `CampusBuilding`, `WalkingTime`)
and stand in for them when a campus has no rows yet (a database the import
has not reached). Staff edit the rows; the seed never overwrites an edit.

The walking minutes of the state capitols are our estimates from the
buildings' addresses (tunnels and street blocks), to be checked on the ground.
The U.S. Capitol has no pair minutes: its walks are the event's three gaps.
"""

from dataclasses import dataclass, field

from django.db import transaction

from lawmakers.capitol import capitol_side
from lawmakers.models import Building, Campus, CampusBuilding, CapitolSide, Level, WalkingTime

SENATE_SIDE, HOUSE_SIDE = str(CapitolSide.SENATE.label), str(CapitolSide.HOUSE.label)
ESTIMATE_NOTE = (
    "Walking minutes are estimates from the buildings' addresses: check them on the ground "
    "and correct them here."
)


@dataclass(frozen=True)
class DefaultCampus:
    level: str
    state: str
    name: str
    note: str
    # (building, group), in the order pages list them.
    buildings: tuple[tuple[str, str], ...]
    # (building, building, minutes) where a walk differs from what the groups give.
    walks: tuple[tuple[str, str, int], ...] = ()


DEFAULT_CAMPUSES = (
    DefaultCampus(
        Level.FEDERAL,
        "",
        "U.S. Capitol complex",
        "Walks follow each event's gaps: same building, same side, across sides.",
        (
            (Building.RUSSELL, SENATE_SIDE),
            (Building.DIRKSEN, SENATE_SIDE),
            (Building.HART, SENATE_SIDE),
            # The Capitol's rooms carry their wing (S-, H-); a room without one counts here.
            (Building.CAPITOL, HOUSE_SIDE),
            (Building.CANNON, HOUSE_SIDE),
            (Building.LONGWORTH, HOUSE_SIDE),
            (Building.RAYBURN, HOUSE_SIDE),
            (Building.FORD, HOUSE_SIDE),
        ),
    ),
    DefaultCampus(
        Level.STATE,
        "CA",
        "California State Capitol, Sacramento",
        ESTIMATE_NOTE,
        (
            (Building.CA_CAPITOL, "Capitol"),
            (Building.CA_CAPITOL_ANNEX, "Capitol"),
            (Building.CA_O_STREET, "O Street"),
            (Building.CA_N_STREET, "N Street"),
        ),
        (
            (Building.CA_CAPITOL, Building.CA_CAPITOL_ANNEX, 5),
            (Building.CA_CAPITOL, Building.CA_O_STREET, 10),
            (Building.CA_CAPITOL, Building.CA_N_STREET, 8),
            (Building.CA_CAPITOL_ANNEX, Building.CA_O_STREET, 10),
            (Building.CA_CAPITOL_ANNEX, Building.CA_N_STREET, 8),
            (Building.CA_O_STREET, Building.CA_N_STREET, 5),
        ),
    ),
    DefaultCampus(
        Level.STATE,
        "MA",
        "Massachusetts State House, Boston",
        ESTIMATE_NOTE,
        ((Building.MA_STATE_HOUSE, "State House"),),
    ),
    DefaultCampus(
        Level.STATE,
        "MN",
        "Minnesota State Capitol complex, St. Paul",
        ESTIMATE_NOTE,
        (
            (Building.MN_CAPITOL, "Capitol complex"),
            (Building.MN_SENATE, "Capitol complex"),
            (Building.MN_STATE_OFFICE, "Capitol complex"),
            (Building.MN_CENTENNIAL, "Capitol complex"),
        ),
        # All four are joined by tunnels; Centennial is the farthest.
        (
            (Building.MN_CAPITOL, Building.MN_SENATE, 7),
            (Building.MN_CAPITOL, Building.MN_STATE_OFFICE, 5),
            (Building.MN_CAPITOL, Building.MN_CENTENNIAL, 10),
            (Building.MN_SENATE, Building.MN_STATE_OFFICE, 8),
            (Building.MN_SENATE, Building.MN_CENTENNIAL, 12),
            (Building.MN_STATE_OFFICE, Building.MN_CENTENNIAL, 8),
        ),
    ),
    DefaultCampus(
        Level.STATE,
        "TN",
        "Tennessee State Capitol, Nashville",
        ESTIMATE_NOTE,
        (
            (Building.TN_CORDELL_HULL, "Capitol hill"),
            (Building.TN_CAPITOL, "Capitol hill"),
        ),
        # The Cordell Hull Building reaches the Capitol by a tunnel.
        ((Building.TN_CAPITOL, Building.TN_CORDELL_HULL, 10),),
    ),
)


def _default_for(level: str, state: str) -> DefaultCampus | None:
    return next((c for c in DEFAULT_CAMPUSES if (c.level, c.state) == (level, state)), None)


def _pair(first: str, second: str) -> tuple[str, str]:
    return (first, second) if first < second else (second, first)


@dataclass(frozen=True)
class WalkingRules:
    """One campus's groups and pair minutes, read once; `meetings.rules` applies them."""

    groups: dict[str, str] = field(default_factory=dict)
    minutes: dict[tuple[str, str], int] = field(default_factory=dict)

    def group(self, building: str, room: str = "") -> str:
        """The building's group; a U.S. Capitol room goes by its wing when it names one."""
        if building == Building.CAPITOL:
            side = capitol_side(building, room)
            if side:
                return str(CapitolSide(side).label)
        return self.groups.get(building, "")

    def pair_minutes(self, first: str, second: str) -> int | None:
        """Minutes set for this pair of buildings, or None (the groups decide)."""
        if not first or not second or first == second:
            return None
        return self.minutes.get(_pair(first, second))


def walking_rules(*, level: str, state: str = "") -> WalkingRules:
    """The campus's walking rules in one query; the defaults where it has no rows yet."""
    state = "" if level == Level.FEDERAL else state
    default = _default_for(level, state)
    groups = {str(code): group for code, group in default.buildings} if default else {}
    rows = list(
        CampusBuilding.objects.filter(campus__level=level, campus__state=state)
        .values_list("code", "group", "walks__to_building_id", "walks__minutes")
        .order_by()
    )
    if not rows:
        minutes = {_pair(a, b): m for a, b, m in default.walks} if default else {}
        return WalkingRules(groups, minutes)
    minutes = {}
    for code, group, other, walk in rows:
        groups[code] = group
        if other and walk is not None:
            minutes[_pair(code, other)] = walk
    return WalkingRules(groups, minutes)


def _create_missing(model, rows: list[dict], *, key: tuple[str, ...], **among) -> None:
    """Create the rows whose `key` no row `among` has yet; a row that exists is left as it is.

    A pair staff cleared is a row with no minutes, so the seed leaves it cleared.
    """
    have = set(model.objects.filter(**among).values_list(*key))
    model.objects.bulk_create(
        model(**row) for row in rows if tuple(row[name] for name in key) not in have
    )


def _seed_one(default: DefaultCampus, campus_model, building_model, walk_model) -> None:
    campus, _ = campus_model.objects.get_or_create(
        level=default.level,
        state=default.state,
        defaults={"name": default.name, "note": default.note},
    )
    labels = dict(Building.choices)
    buildings = [
        {"campus": campus, "code": code, "name": labels[code], "group": group, "position": n}
        for n, (code, group) in enumerate(default.buildings)
    ]
    _create_missing(building_model, buildings, key=("code",), campus=campus)
    walks = [
        {"from_building_id": a, "to_building_id": b, "minutes": minutes}
        for first, second, minutes in default.walks
        for a, b in [_pair(first, second)]
    ]
    _create_missing(
        walk_model,
        walks,
        key=("from_building_id", "to_building_id"),
        from_building__campus=campus,
    )


def seed_campuses(campus_model=Campus, building_model=CampusBuilding, walk_model=WalkingTime):
    """Create the default campuses, buildings and walks that are missing; change nothing else.

    Takes the models so that the data migration can pass its historical ones; the
    import calls it inside its own transaction.
    """
    for default in DEFAULT_CAMPUSES:
        _seed_one(default, campus_model, building_model, walk_model)


class CampusError(Exception):
    """A change to a campus that cannot be saved as asked."""


MOST_WALK_MINUTES = 120


def campus_buildings(campus: Campus) -> list[CampusBuilding]:
    return list(campus.buildings.order_by("position", "name"))


def campus_walks(buildings: list[CampusBuilding]) -> dict[tuple[str, str], int | None]:
    """Every pair of the buildings (codes in order) with its minutes, None where unset."""
    codes = [building.code for building in buildings]
    stored = {
        (walk.from_building_id, walk.to_building_id): walk.minutes
        for walk in WalkingTime.objects.filter(from_building_id__in=codes)
    }
    return {
        _pair(a, b): stored.get(_pair(a, b))
        for number, a in enumerate(codes)
        for b in codes[number + 1 :]
    }


@transaction.atomic
def campus_walking_update(
    *, campus: Campus, groups: dict[str, str], minutes: dict[tuple[str, str], int | None]
) -> Campus:
    """Save the buildings' groups and the pair minutes (None clears a pair) of one campus."""
    campus = Campus.objects.select_for_update().get(pk=campus.pk)
    buildings = {b.code: b for b in campus.buildings.all()}
    unknown = (set(groups) | {code for pair in minutes for code in pair}) - set(buildings)
    if unknown:
        raise CampusError(f"{', '.join(sorted(unknown))} is not a building of {campus}.")
    for code, group in groups.items():
        group = group.strip()
        if not group:
            raise CampusError(f"{buildings[code].name} needs a group (a side or wing).")
        if buildings[code].group != group:
            buildings[code].group = group
            buildings[code].save(update_fields=["group"])
    for (first, second), value in minutes.items():
        if first == second:
            raise CampusError("A walk joins two different buildings.")
        if value is not None and not 0 <= value <= MOST_WALK_MINUTES:
            raise CampusError(f"Walking minutes are between 0 and {MOST_WALK_MINUTES}.")
        a, b = _pair(first, second)
        WalkingTime.objects.update_or_create(
            from_building_id=a, to_building_id=b, defaults={"minutes": value}
        )
    return campus

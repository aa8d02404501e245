"""Geometry for the dashboard's drawings; the templates turn it into SVG.

No map service: the states are a tile grid, one square each, placed roughly
where they are, so every state is the same size and easy to read. A state
day's legislature is drawn as one square per seat, chamber by chamber, in
district order.
"""

from dataclasses import dataclass

from reports.coverage import MET, SCHEDULED, AskTally, SeatCell, Tally
from reports.models import Position

# (column, row) of each state's tile.
TILES = {
    "AK": (0, 0),
    "ME": (10, 0),
    "VT": (9, 1),
    "NH": (10, 1),
    "WA": (0, 2),
    "ID": (1, 2),
    "MT": (2, 2),
    "ND": (3, 2),
    "MN": (4, 2),
    "IL": (5, 2),
    "WI": (6, 2),
    "MI": (7, 2),
    "NY": (8, 2),
    "RI": (9, 2),
    "MA": (10, 2),
    "OR": (0, 3),
    "NV": (1, 3),
    "WY": (2, 3),
    "SD": (3, 3),
    "IA": (4, 3),
    "IN": (5, 3),
    "OH": (6, 3),
    "PA": (7, 3),
    "NJ": (8, 3),
    "CT": (9, 3),
    "CA": (0, 4),
    "UT": (1, 4),
    "CO": (2, 4),
    "NE": (3, 4),
    "MO": (4, 4),
    "KY": (5, 4),
    "WV": (6, 4),
    "VA": (7, 4),
    "MD": (8, 4),
    "DE": (9, 4),
    "AZ": (1, 5),
    "NM": (2, 5),
    "KS": (3, 5),
    "AR": (4, 5),
    "TN": (5, 5),
    "NC": (6, 5),
    "SC": (7, 5),
    "DC": (8, 5),
    "OK": (3, 6),
    "LA": (4, 6),
    "MS": (5, 6),
    "AL": (6, 6),
    "GA": (7, 6),
    "HI": (0, 7),
    "TX": (3, 7),
    "FL": (8, 7),
    "PR": (6, 8),
    "VI": (7, 8),
    "GU": (8, 8),
    "AS": (9, 8),
    "MP": (10, 8),
}
TILE, GAP = 56, 4
# Share of offices met, in five steps from pale to deep green.
STEPS = ((0, "#eef1f6"), (1, "#cfe8d8"), (25, "#9ed1b0"), (50, "#5bb07c"), (75, "#1d7a46"))
POSITION_COLOURS = {
    Position.SUPPORTS: "#1d7a46",
    Position.LEANING_YES: "#74b98b",
    Position.UNDECIDED: "#c9ced8",
    Position.LEANING_NO: "#e8a27c",
    Position.OPPOSES: "#b3261e",
    Position.NO_ANSWER: "#8d96a8",
}


@dataclass
class StateTile:
    state: str
    x: int
    y: int
    fill: str
    text: str
    tally: Tally | None
    scheduled_width: float

    @property
    def dark(self) -> bool:
        return self.fill in ("#5bb07c", "#1d7a46")


def fill_for(tally: Tally | None) -> str:
    if tally is None or not tally.total:
        return "#ffffff"
    colour = STEPS[0][1]
    for threshold, step_colour in STEPS:
        if tally.met and tally.met_pct >= threshold:
            colour = step_colour
    return colour


def state_tiles(by_state: dict[str, Tally]) -> list[StateTile]:
    tiles = []
    for state, (column, row) in TILES.items():
        tally = by_state.get(state)
        tiles.append(
            StateTile(
                state=state,
                x=column * (TILE + GAP),
                y=row * (TILE + GAP),
                fill=fill_for(tally),
                text=f"{tally.met}/{tally.total}" if tally and tally.total else "",
                tally=tally,
                scheduled_width=(TILE - 8) * tally.scheduled / tally.total
                if tally and tally.total
                else 0,
            )
        )
    return tiles


def legend_steps() -> list[tuple[str, str]]:
    labels = ["none met", "some", "25% +", "50% +", "75% +"]
    return [(colour, label) for (_, colour), label in zip(STEPS, labels, strict=True)]


MAP_WIDTH = 11 * (TILE + GAP)
MAP_HEIGHT = 9 * (TILE + GAP)


@dataclass
class Segment:
    x: float
    width: float
    colour: str
    label: str
    count: int


@dataclass
class AskBar:
    title: str
    y: int
    total: int
    segments: list[Segment]


BAR_WIDTH, BAR_ROW = 600, 54


def position_bars(asks: list[AskTally]) -> list[AskBar]:
    """One stacked bar per ask: how many offices took each position."""
    bars = []
    for number, tally in enumerate(asks):
        segments, x = [], 0.0
        for value, label in Position.choices:
            count = tally.counts.get(value, 0)
            if not count:
                continue
            width = BAR_WIDTH * count / tally.total
            segments.append(Segment(x, width, POSITION_COLOURS[value], label, count))
            x += width
        bars.append(AskBar(tally.ask.title, number * BAR_ROW, tally.total, segments))
    return bars


def position_legend() -> list[tuple[str, str]]:
    return [(POSITION_COLOURS[value], label) for value, label in Position.choices]


SEAT_TILE, SEAT_GAP, SEATS_PER_ROW = 24, 4, 20
SEAT_COLOURS = {MET: "#1d7a46", SCHEDULED: "#e0a82e"}
SEAT_NONE_COLOUR = "#eef1f6"
SEAT_STATE_LABELS = {MET: "met", SCHEDULED: "scheduled"}


@dataclass
class SeatTile:
    x: int
    y: int
    fill: str
    district: str
    title: str

    @property
    def dark(self) -> bool:
        return self.fill == SEAT_COLOURS[MET]


@dataclass
class ChamberGrid:
    """One chamber of a legislature: a square per seat, SEATS_PER_ROW to a row."""

    label: str
    tally: Tally
    tiles: list[SeatTile]
    width: int
    height: int


def chamber_grids(cells: list[SeatCell]) -> list[ChamberGrid]:
    by_chamber: dict[str, list[SeatCell]] = {}
    for cell in cells:
        by_chamber.setdefault(cell.chamber, []).append(cell)
    grids = []
    step = SEAT_TILE + SEAT_GAP
    for chamber_cells in by_chamber.values():
        tally = Tally(chamber_cells[0].chamber_name, key=chamber_cells[0].chamber)
        tiles = []
        for number, cell in enumerate(chamber_cells):
            tally.add(cell.state)
            state_label = SEAT_STATE_LABELS.get(cell.state, "not yet contacted")
            tiles.append(
                SeatTile(
                    x=number % SEATS_PER_ROW * step,
                    y=number // SEATS_PER_ROW * step,
                    fill=SEAT_COLOURS.get(cell.state, SEAT_NONE_COLOUR),
                    district=cell.district,
                    title=f"District {cell.district}: {cell.name}, {state_label}",
                )
            )
        rows = -(-len(chamber_cells) // SEATS_PER_ROW)
        grids.append(
            ChamberGrid(
                label=tally.label,
                tally=tally,
                tiles=tiles,
                width=min(len(chamber_cells), SEATS_PER_ROW) * step,
                height=rows * step,
            )
        )
    return grids


def seat_legend() -> list[tuple[str, str]]:
    return [
        (SEAT_COLOURS[MET], "met"),
        (SEAT_COLOURS[SCHEDULED], "scheduled"),
        (SEAT_NONE_COLOUR, "not yet contacted"),
    ]

"""A campaign's dashboard: actions by channel and outcome, lawmaker, district and day.

Counts are made by the database over a handful of grouped queries, so the page
costs the same for ten actions or a hundred thousand. The map is the reports'
state tile grid (`reports.charts.state_tiles`): per state, how many of the
campaign's offices constituents have reached, shaded like the coverage map.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import TruncDate

from actions.access import DashboardScope
from actions.drafting import offices_met
from actions.models import Channel, Outcome, Supporter
from actions.selectors import actions_in_scope
from lawmakers.models import Chamber, Lawmaker, Level
from members.constituency import district_label
from reports.charts import (
    MAP_HEIGHT,
    MAP_WIDTH,
    SEAT_TILE,
    TILE,
    ChamberGrid,
    chamber_grids,
    legend_steps,
    state_tiles,
)
from reports.coverage import MET, Tally, seat_cells

CHANNEL_LABELS = dict(Channel.choices)
OUTCOME_LABELS = dict(Outcome.choices)
DAY_BAR_WIDTH, DAY_CHART_HEIGHT = 18, 120


@dataclass
class ChannelRow:
    channel: str
    label: str
    total: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)

    @property
    def outcome_list(self) -> list[tuple[str, int]]:
        return [(OUTCOME_LABELS[o], n) for o, n in sorted(self.outcomes.items())]


@dataclass
class LawmakerRow:
    lawmaker: Lawmaker
    total: int
    met_on_day: bool
    from_constituents: int = 0


def is_constituent(lawmaker: Lawmaker, state: str, district: int | None) -> bool:
    """Whether an action from this home came from the lawmaker's own constituents.

    State districts are not stored with an action: a state legislator counts the
    people of their state.
    """
    if lawmaker.state != state:
        return False
    if lawmaker.level == Level.FEDERAL and lawmaker.chamber == Chamber.LOWER:
        return district is not None and str(district) == lawmaker.district
    return True


@dataclass
class DayBar:
    day: datetime.date
    count: int
    x: int
    height: float

    @property
    def y(self) -> float:
        return DAY_CHART_HEIGHT - self.height


@dataclass
class Dashboard:
    total: int
    channels: list[ChannelRow]
    lawmakers: list[LawmakerRow]
    districts: list[tuple[str, int]]
    days: list[DayBar]
    tiles: list
    seat_grids: list
    offices_met: list[LawmakerRow]
    scope_states: list[str] | None
    supporters: int = 0
    want_the_chapter: int = 0

    @property
    def day_chart_width(self) -> int:
        return max(len(self.days), 1) * (DAY_BAR_WIDTH + 4)


def _offices_in_scope(campaign, states):
    """The offices the map counts: the level's serving lawmakers the campaign aims at."""
    named = list(campaign.target_lawmakers.values_list("pk", flat=True))
    offices = Lawmaker.objects.serving().filter(level=campaign.level)
    if campaign.state:
        offices = offices.filter(state=campaign.state)
    if states is not None:
        offices = offices.filter(state__in=states)
    if not campaign.target_own:
        offices = offices.filter(pk__in=named)
    elif campaign.target_chambers:
        offices = offices.filter(chamber__in=campaign.target_chambers)
    return offices


def dashboard_for(scope: DashboardScope) -> Dashboard:
    campaign, states = scope.campaign, scope.states
    actions = actions_in_scope(campaign, states)
    channels: dict[str, ChannelRow] = {}
    total = 0
    for row in actions.values("channel", "outcome").annotate(n=Count("id")):
        channel = channels.setdefault(
            row["channel"], ChannelRow(row["channel"], CHANNEL_LABELS.get(row["channel"], ""))
        )
        channel.total += row["n"]
        channel.outcomes[row["outcome"]] = row["n"]
        total += row["n"]
    homes = list(
        actions.values("lawmaker_id", "state", "district").annotate(n=Count("id")).order_by()
    )
    per_lawmaker: dict[int, int] = defaultdict(int)
    for home in homes:
        per_lawmaker[home["lawmaker_id"]] += home["n"]
    met = set(offices_met(campaign.event)) if campaign.event_id else set()
    shown = Lawmaker.objects.filter(pk__in=set(per_lawmaker) | met)
    lawmakers = {lawmaker.pk: lawmaker for lawmaker in shown}
    constituents: dict[int, int] = defaultdict(int)
    for home in homes:
        lawmaker = lawmakers[home["lawmaker_id"]]
        if is_constituent(lawmaker, home["state"], home["district"]):
            constituents[lawmaker.pk] += home["n"]

    def row_of(pk: int) -> LawmakerRow:
        return LawmakerRow(lawmakers[pk], per_lawmaker.get(pk, 0), pk in met, constituents[pk])

    rows = sorted(
        (row_of(pk) for pk in lawmakers if pk in per_lawmaker),
        key=lambda row: (-row.total, row.lawmaker.last_name),
    )
    met_rows = sorted(
        (row_of(pk) for pk in met if pk in lawmakers),
        key=lambda row: (row.lawmaker.state, row.lawmaker.last_name),
    )
    districts = [
        (
            district_label(row["state"], row["district"])
            if row["district"] is not None
            else f"{row['state'] or 'Unknown'} (district not given)",
            row["n"],
        )
        for row in actions.values("state", "district")
        .annotate(n=Count("id"))
        .order_by("-n", "state", "district")
    ]
    people = Supporter.objects.filter(
        pk__in=actions.values("supporter_id"), forgotten_at__isnull=True
    ).aggregate(
        supporters=Count("pk"),
        want_the_chapter=Count(
            "pk", filter=Q(wants_to_join_chapter=True, consents_to_contact=True)
        ),
    )
    return Dashboard(
        **people,
        total=total,
        channels=[channels[c] for c in Channel.values if c in channels],
        lawmakers=rows,
        districts=districts,
        days=_day_bars(actions),
        tiles=_tiles(campaign, states, per_lawmaker) if campaign.level == Level.FEDERAL else [],
        seat_grids=_seat_grids(campaign, per_lawmaker) if campaign.level == Level.STATE else [],
        offices_met=met_rows,
        scope_states=states,
    )


def _day_bars(actions) -> list[DayBar]:
    counts = list(
        actions.annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(n=Count("id"))
        .order_by("day")
        .values_list("day", "n")
    )
    top = max((n for _, n in counts), default=0) or 1
    return [
        DayBar(day=day, count=n, x=i * (DAY_BAR_WIDTH + 4), height=DAY_CHART_HEIGHT * n / top)
        for i, (day, n) in enumerate(counts)
    ]


def _tiles(campaign, states, per_lawmaker):
    by_state: dict[str, Tally] = defaultdict(lambda: Tally(""))
    for office in _offices_in_scope(campaign, states).values("pk", "state"):
        tally = by_state[office["state"]]
        tally.label = office["state"]
        tally.add("met" if per_lawmaker.get(office["pk"]) else "none")
    return state_tiles(dict(by_state))


def _seat_grids(campaign, per_lawmaker) -> list[ChamberGrid]:
    """A state legislature seat by seat (the reports' grid), reached or not yet."""
    # The reports' own ordering and cells (chamber, then district in natural order).
    reached = {pk: MET for pk, count in per_lawmaker.items() if count}
    cells = seat_cells(_offices_in_scope(campaign, None), reached)
    grids = chamber_grids(cells)
    for grid in grids:
        for tile in grid.tiles:  # the grid speaks of meetings; here it is letters and calls
            tile.title = tile.title.replace(", met", ", reached").replace(
                ", not yet contacted", ", not yet reached"
            )
    return grids


MAP = {
    "width": MAP_WIDTH,
    "height": MAP_HEIGHT,
    "tile": TILE,
    "middle": TILE // 2,
    "seat_tile": SEAT_TILE,
}
LEGEND_LABELS = ["none reached", "some", "25% +", "50% +", "75% +"]


def legend() -> list[tuple[str, str]]:
    """The coverage map's colours, said of offices reached rather than met."""
    colours = [colour for colour, _ in legend_steps()]
    return list(zip(colours, LEGEND_LABELS, strict=True))

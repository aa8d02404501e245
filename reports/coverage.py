"""Coverage of an event's offices: met, scheduled, not yet contacted — in seven queries.

Staff see the whole legislature the event meets (Congress, or one state's
legislature); a chapter's leaders see the offices of their chapter's states
and their chapter's own meetings.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from chapters.models import Chapter
from events.models import Event
from events.models import Level as EventLevel
from lawmakers.models import CommitteeSeat, Lawmaker, Level
from meetings.forms import lawmakers_for
from meetings.models import Meeting, MeetingStatus
from reports.models import AskPosition, Position, ReportStatus
from talkingpoints.models import Ask

JUDICIARY_CODES = {"HSJU", "SSJU"}
MET, SCHEDULED, NOT_CONTACTED = "met", "scheduled", "none"
PLANNED = {MeetingStatus.REQUESTED, MeetingStatus.SCHEDULED, MeetingStatus.CONFIRMED}
DUE_A_REPORT = {MeetingStatus.SCHEDULED, MeetingStatus.CONFIRMED, MeetingStatus.HELD}
PARTIES = ("Democrat", "Republican", "Independent")


@dataclass
class Tally:
    label: str
    met: int = 0
    scheduled: int = 0
    none: int = 0
    highlight: bool = False
    key: str = ""

    def add(self, state: str) -> None:
        setattr(self, state, getattr(self, state) + 1)

    @property
    def total(self) -> int:
        return self.met + self.scheduled + self.none

    def share(self, count: int) -> float:
        return round(100 * count / self.total, 1) if self.total else 0.0

    @property
    def met_pct(self) -> float:
        return self.share(self.met)

    @property
    def scheduled_pct(self) -> float:
        return self.share(self.scheduled)


@dataclass
class AskTally:
    ask: Ask
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def labelled_counts(self) -> list[tuple[str, int]]:
        """(position's label, count) in the legend's order: cells that name their column."""
        return [(Position(value).label, count) for value, count in self.counts.items()]


@dataclass
class ChapterRow:
    chapter_id: int
    name: str
    meetings: int = 0
    held: int = 0
    filed: int = 0
    outstanding: int = 0
    offices: set = field(default_factory=set)

    @property
    def filed_pct(self) -> float:
        due = self.filed + self.outstanding
        return round(100 * self.filed / due, 1) if due else 0.0


@dataclass(frozen=True)
class SeatCell:
    """One office of the legislature and how far we got with it (for the district grid)."""

    chamber: str
    chamber_name: str
    district: str
    name: str
    state: str


@dataclass
class Coverage:
    overall: Tally
    by_chamber: list[Tally]
    by_party: list[Tally]
    by_state: dict[str, Tally]
    by_committee: list[Tally]
    asks: list[AskTally]
    chapters: list[ChapterRow]
    outstanding: list[Meeting]
    outstanding_count: int
    filed_count: int
    seat_cells: list[SeatCell] = field(default_factory=list)


def _office_states(meetings: list[dict]) -> dict[int, str]:
    state_of: dict[int, str] = {}
    for row in meetings:
        if row["status"] == MeetingStatus.HELD or row["report__status"] == ReportStatus.FILED:
            state_of[row["lawmaker_id"]] = MET
        elif row["status"] in PLANNED and state_of.get(row["lawmaker_id"]) != MET:
            state_of[row["lawmaker_id"]] = SCHEDULED
    return state_of


def _is_outstanding(row: dict, now) -> bool:
    if row["report__status"] == ReportStatus.FILED or row["status"] not in DUE_A_REPORT:
        return False
    return row["status"] == MeetingStatus.HELD or row["ends_at"] <= now


def _party_label(lawmaker: Lawmaker) -> str:
    # Congress's three parties by name; a legislature's as it names them
    # (Democratic-Farmer-Labor in Minnesota), since its parties are few.
    if lawmaker.level == Level.STATE:
        return lawmaker.party or "Other"
    return lawmaker.party if lawmaker.party in PARTIES else "Other"


def _district_key(district: str):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", district)]


def seat_cells(lawmakers, state_of) -> list[SeatCell]:
    """The offices in chamber and district order, each with its coverage state."""
    ordered = sorted(lawmakers, key=lambda lm: (lm.chamber, _district_key(lm.district)))
    return [
        SeatCell(
            chamber=lm.chamber,
            chamber_name=lm.chamber_name,
            district=lm.district,
            name=lm.full_name,
            state=state_of.get(lm.pk, NOT_CONTACTED),
        )
        for lm in ordered
    ]


def _tallies(lawmakers, state_of, seats):
    overall = Tally("All offices")
    chambers: dict[str, Tally] = {}
    parties: dict[str, Tally] = {}
    states: dict[str, Tally] = {}
    committees: dict[int, Tally] = {}
    committees_of = defaultdict(list)
    for seat in seats:
        committees_of[seat["lawmaker_id"]].append(seat)
    for lawmaker in lawmakers:
        state = state_of.get(lawmaker.pk, NOT_CONTACTED)
        overall.add(state)
        chambers.setdefault(lawmaker.chamber, Tally(lawmaker.chamber_name, key=lawmaker.chamber))
        chambers[lawmaker.chamber].add(state)
        party = _party_label(lawmaker)
        parties.setdefault(party, Tally(party, key=party)).add(state)
        states.setdefault(lawmaker.state, Tally(lawmaker.state, key=lawmaker.state)).add(state)
        for seat in committees_of[lawmaker.pk]:
            tally = committees.setdefault(
                seat["committee_id"],
                Tally(
                    seat["committee__name"],
                    key=seat["committee__code"],
                    highlight=seat["committee__code"] in JUDICIARY_CODES,
                ),
            )
            tally.add(state)
    # Judiciary first, then the committees we reached most.
    by_committee = sorted(
        committees.values(), key=lambda t: (not t.highlight, -(t.met + t.scheduled), t.label)
    )
    by_party = sorted(parties.values(), key=lambda t: (t.label == "Other", -t.total))
    return overall, sorted(chambers.values(), key=lambda t: t.key), by_party, states, by_committee


def coverage_for(*, event: Event, chapter: Chapter | None = None) -> Coverage:
    offices = lawmakers_for(event)
    meetings = Meeting.objects.filter(event=event)
    if chapter is not None:
        states = [row.state for row in chapter.states.all()]
        meetings = meetings.filter(chapter=chapter)
        offices = offices.filter(state__in=states) | Lawmaker.objects.filter(
            pk__in=meetings.values("lawmaker_id")
        )
    rows = list(
        meetings.values(
            "pk",
            "lawmaker_id",
            "status",
            "ends_at",
            "chapter_id",
            "chapter__name",
            "report__status",
        ).order_by()
    )
    lawmakers = list(
        offices.only("pk", "chamber", "state", "party", "level", "district", "full_name")
    )
    seats = CommitteeSeat.objects.filter(
        lawmaker__in=offices, committee__parent__isnull=True, committee__is_current=True
    ).values("lawmaker_id", "committee_id", "committee__name", "committee__code")
    state_of = _office_states(rows)
    overall, by_chamber, by_party, by_state, by_committee = _tallies(lawmakers, state_of, seats)

    now = timezone.now()
    chapters: dict[int, ChapterRow] = {}
    outstanding_ids = []
    for row in rows:
        entry = chapters.setdefault(
            row["chapter_id"], ChapterRow(row["chapter_id"], row["chapter__name"])
        )
        entry.meetings += 1
        entry.held += row["status"] == MeetingStatus.HELD
        entry.filed += row["report__status"] == ReportStatus.FILED
        if state_of.get(row["lawmaker_id"]) == MET:
            entry.offices.add(row["lawmaker_id"])
        if _is_outstanding(row, now):
            entry.outstanding += 1
            outstanding_ids.append(row["pk"])
    outstanding = list(
        Meeting.objects.filter(pk__in=outstanding_ids[:50])
        .select_related("lawmaker", "chapter", "lead", "report")
        .order_by("ends_at")
    )
    return Coverage(
        overall=overall,
        by_chamber=by_chamber,
        by_party=by_party,
        by_state=by_state,
        by_committee=by_committee,
        asks=_ask_tallies(event, chapter),
        chapters=sorted(chapters.values(), key=lambda c: (-c.meetings, c.name)),
        outstanding=outstanding,
        outstanding_count=len(outstanding_ids),
        filed_count=sum(row["report__status"] == ReportStatus.FILED for row in rows),
        # A state day draws its legislature seat by seat instead of the map of states.
        seat_cells=seat_cells(lawmakers, state_of) if event.level == EventLevel.STATE else [],
    )


def _ask_tallies(event: Event, chapter: Chapter | None) -> list[AskTally]:
    positions = AskPosition.objects.filter(
        report__meeting__event=event, report__status=ReportStatus.FILED
    )
    if chapter is not None:
        positions = positions.filter(report__meeting__chapter=chapter)
    counts: dict[int, Counter] = defaultdict(Counter)
    for row in positions.values("ask_id", "position").annotate(n=Count("pk")).order_by():
        counts[row["ask_id"]][row["position"]] = row["n"]
    return [
        AskTally(ask, {value: counts[ask.pk][value] for value in Position.values})
        for ask in Ask.objects.filter(event=event).order_by("priority", "pk")
    ]

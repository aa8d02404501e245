"""The schedule board of one chapter in one event: its data in a fixed number of queries.

The grid has one row per office and one column per five minutes of the day,
so a meeting at 10:05 for 20 minutes sits exactly where it belongs; the
template draws a line every quarter of an hour.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string

from chapters.models import Chapter
from events.models import Event
from lawmakers.models import Lawmaker
from meetings.clashes import SeatedClash, seated_clashes
from meetings.departures import departure_warning
from meetings.models import ACTIVE_MEETING_STATUSES, Meeting, SeatStatus
from meetings.selectors import UncoveredOffice, chapter_meetings, uncovered_offices

SLOT_MINUTES = 5
MOST_DOTS = 12


@dataclass
class Block:
    """A meeting placed on the grid."""

    meeting: Meeting
    row: int
    column: int
    span: int
    confirmed: int
    waitlisted: int
    shared_with: list[Meeting] = field(default_factory=list)
    clashes: list[SeatedClash] = field(default_factory=list)

    @property
    def seat_dots(self) -> list[bool]:
        """One dot per seat, filled when taken; none for large meetings (they get a bar)."""
        if self.meeting.seats > MOST_DOTS:
            return []
        return [n < self.meeting.seats_taken for n in range(self.meeting.seats)]

    @property
    def fill_percent(self) -> int:
        seats = self.meeting.seats or 1
        return min(100, round(100 * self.meeting.seats_taken / seats))


@dataclass
class ProposedBlock:
    """A meeting a draft plan proposes, drawn beside what exists (the planner's layer)."""

    proposal: object  # lawmaker, starts_at, ends_at, people (names), moves (a Meeting or None)
    row: int
    column: int
    span: int


@dataclass
class Row:
    lawmaker: Lawmaker
    number: int
    blocks: list[Block]


@dataclass
class Hour:
    label: str
    column: int
    span: int


@dataclass
class Board:
    event: Event
    chapter: Chapter
    columns: int
    hours: list[Hour]
    rows: list[Row]
    blocks: list[Block]
    warnings: list[str]
    uncovered: list[UncoveredOffice]
    proposed: list[ProposedBlock] = field(default_factory=list)
    # Whether a draft exists to show (the toggle is offered only then).
    has_proposed_layer: bool = False

    @property
    def active(self) -> list[Block]:
        return [block for block in self.blocks if block.meeting.is_active]

    @property
    def stats(self) -> dict[str, int]:
        active = [block.meeting for block in self.active]
        return {
            "meetings": len(active),
            "confirmed": sum(m.status == "confirmed" for m in active),
            "requested": sum(m.status == "requested" for m in active),
            "seats": sum(m.seats for m in active),
            "seats_taken": sum(m.seats_taken for m in active),
            "waitlisted": sum(block.waitlisted for block in self.active),
            "uncovered": len(self.uncovered),
        }


def _minutes(time: datetime.time) -> int:
    return time.hour * 60 + time.minute


def _hours(event: Event, zone=None) -> list[Hour]:
    """The axis in the event's hours; its labels in `zone` when a leader reads it in theirs."""
    start, end = _minutes(event.day_starts), _minutes(event.day_ends)
    hours, moment = [], start
    while moment < end:
        next_hour = min((moment // 60 + 1) * 60, end)
        at = datetime.datetime.combine(
            event.date, datetime.time(moment // 60, moment % 60), tzinfo=event.zone
        )
        label = at.astimezone(zone or event.zone).strftime("%-I:%M %p").replace(":00", "")
        hours.append(
            Hour(
                label=label,
                column=2 + (moment - start) // SLOT_MINUTES,
                span=max(1, (next_hour - moment) // SLOT_MINUTES),
            )
        )
        moment = next_hour
    return hours


def _shared_offices(event: Event, chapter: Chapter, meetings: list[Meeting]) -> dict:
    """Other chapters' live meetings with the offices we meet, by lawmaker id."""
    ours = {m.lawmaker_id for m in meetings if m.is_active}
    others = (
        Meeting.objects.filter(
            event=event, lawmaker_id__in=ours, status__in=ACTIVE_MEETING_STATUSES
        )
        .exclude(chapter=chapter)
        .select_related("chapter", "lawmaker")
        .order_by("starts_at")
    )
    shared: dict[int, list[Meeting]] = {}
    for other in others:
        shared.setdefault(other.lawmaker_id, []).append(other)
    return shared


def _position(event: Event, starts_at, minutes: int, columns: int) -> tuple[int, int]:
    """The grid column a meeting starts in and how many columns it spans."""
    local = event.local(starts_at)
    offset = (local.hour * 60 + local.minute - _minutes(event.day_starts)) // SLOT_MINUTES
    if local.date() != event.date:
        offset = -1 if local.date() < event.date else columns
    column = min(max(offset, 0), columns - 1) + 2
    span = max(1, -(-minutes // SLOT_MINUTES))
    return column, min(span, columns + 2 - column)


def _proposed_layer(event: Event, chapter: Chapter) -> list | None:
    """The planner's draft for this board, through a setting: the planner sits above meetings."""
    path = getattr(settings, "BOARD_PROPOSED_LAYER", "")
    return import_string(path)(event=event, chapter=chapter) if path else None


def board_for(*, event: Event, chapter: Chapter, show_proposed: bool = True, zone=None) -> Board:
    meetings = list(chapter_meetings(event=event, chapter=chapter))
    day_start = _minutes(event.day_starts)
    columns = (_minutes(event.day_ends) - day_start) // SLOT_MINUTES
    shared = _shared_offices(event, chapter, meetings)
    clashes = seated_clashes(event=event, meetings=meetings)

    rows: dict[int, Row] = {}
    blocks = []
    for meeting in meetings:  # in time order: the rows step down the day
        row = rows.get(meeting.lawmaker_id)
        if row is None:
            row = rows[meeting.lawmaker_id] = Row(meeting.lawmaker, len(rows) + 2, [])
        column, span = _position(event, meeting.starts_at, meeting.duration_minutes, columns)
        live = meeting.live_seats
        block = Block(
            meeting=meeting,
            row=row.number,
            column=column,
            span=span,
            confirmed=sum(s.status == SeatStatus.CONFIRMED for s in live),
            waitlisted=sum(s.status == SeatStatus.WAITLISTED for s in live),
            shared_with=shared.get(meeting.lawmaker_id, []) if meeting.is_active else [],
            clashes=clashes.get(meeting.pk, []),
        )
        row.blocks.append(block)
        blocks.append(block)

    proposals = _proposed_layer(event, chapter) or []
    proposed = []
    for proposal in proposals if show_proposed else []:
        row = rows.get(proposal.lawmaker_id)
        if row is None:
            row = rows[proposal.lawmaker_id] = Row(proposal.lawmaker, len(rows) + 2, [])
        column, span = _position(event, proposal.starts_at, proposal.duration_minutes, columns)
        proposed.append(ProposedBlock(proposal=proposal, row=row.number, column=column, span=span))

    warnings = [
        departure_warning(block.meeting, event=event)
        for block in blocks
        if block.meeting.lawmaker_departed
    ]
    for others in shared.values():
        names = sorted({str(other.chapter) for other in others})
        warnings.append(
            f"{', '.join(names)} also {'has' if len(names) == 1 else 'have'} a meeting with "
            f"{others[0].lawmaker} in this event: agree which one goes ahead, or join theirs."
        )
    for block in blocks:
        when = event.local(block.meeting.starts_at)
        label = f"{block.meeting.lawmaker} at {when:%-I:%M %p}"
        warnings += [f"{label}: {clash.text}" for clash in block.clashes]
    uncovered = uncovered_offices(event=event, chapter=chapter)
    return Board(
        event=event,
        chapter=chapter,
        columns=columns,
        hours=_hours(event, zone),
        rows=list(rows.values()),
        blocks=blocks,
        warnings=warnings,
        uncovered=uncovered,
        proposed=proposed,
        has_proposed_layer=bool(proposals),
    )

"""The briefing for a meeting, and a participant's packet: each in a fixed number of queries.

A briefing gathers the office (facts, committees), the delegation, the asks
that apply with their talking points, chapter notes and who leads which ask,
and the history with that office. What happened in past meetings comes from
the providers registered in `talkingpoints.history` (the `reports` app
registers filed reports), so this app never imports `reports` nor knows its
models.
"""

import difflib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from events.models import Event
from lawmakers.models import CommitteeSeat, Lawmaker
from meetings.models import ACTIVE_MEETING_STATUSES, Meeting, Seat, SeatStatus
from meetings.people import LIVE_SEATS
from meetings.selectors import ItineraryStop, itinerary
from members.models import User
from talkingpoints import history, office_panels
from talkingpoints.models import Ask, AskLead, AskReading, AskRevision, MeetingNote
from talkingpoints.selectors import EVERY_OFFICE, committee_seats_by_lawmaker, reasons_for

HISTORY_LENGTH = 5


@dataclass
class TextChange:
    """What changed in an ask since the viewer last read it, line by line."""

    read_version: int
    lines: list[tuple[str, str]]  # ("added" | "removed" | "same", text)


@dataclass
class BriefingAsk:
    ask: Ask
    reasons: list[str]
    lead: User | None = None
    notes: list[MeetingNote] = field(default_factory=list)
    change: TextChange | None = None
    is_new_to_viewer: bool = False

    @property
    def for_every_office(self) -> bool:
        return self.reasons == [EVERY_OFFICE]


@dataclass
class DelegationMember:
    user: User
    seat: Seat | None
    is_lead: bool = False
    is_note_taker: bool = False
    asks_led: list[Ask] = field(default_factory=list)

    @property
    def is_constituent(self) -> bool:
        return bool(self.seat and self.seat.is_constituent)

    @property
    def is_waitlisted(self) -> bool:
        return bool(self.seat and self.seat.status == SeatStatus.WAITLISTED)


@dataclass
class PastMeeting:
    meeting: Meeting
    outcome: str = ""  # HTML from the providers in talkingpoints.history; "" when none


@dataclass
class Briefing:
    meeting: Meeting
    committee_seats: list[CommitteeSeat]
    delegation: list[DelegationMember]
    asks: list[BriefingAsk]
    notes: list[MeetingNote]  # the chapter's notes for the meeting as a whole
    history: list[PastMeeting]
    office_panel: str = ""  # HTML from the providers in talkingpoints.office_panels

    @property
    def lawmaker(self) -> Lawmaker:
        return self.meeting.lawmaker

    @property
    def constituents(self) -> list[DelegationMember]:
        return [person for person in self.delegation if person.is_constituent]

    @property
    def changed_asks(self) -> list[BriefingAsk]:
        return [item for item in self.asks if item.change]


def _meetings(meeting_ids: list[int]):
    live = (
        Seat.objects.filter(status__in=LIVE_SEATS)
        .select_related("user")
        .order_by("status", "requested_at", "pk")
    )
    related = ["event", "chapter", "lawmaker", "lead", "note_taker"]
    return (
        Meeting.objects.filter(pk__in=meeting_ids)
        .select_related(*related)
        .prefetch_related(Prefetch("seat_set", queryset=live, to_attr="live_seats"))
        .order_by("starts_at", "pk")
    )


def _history(meetings: list[Meeting]) -> dict[int, list[PastMeeting]]:
    """Earlier meetings with each office, newest first, with their filed reports."""
    if not meetings:
        return {}
    latest = max(meeting.starts_at for meeting in meetings)
    past = (
        Meeting.objects.filter(
            lawmaker_id__in={meeting.lawmaker_id for meeting in meetings},
            starts_at__lt=latest,
        )
        .exclude(pk__in=[meeting.pk for meeting in meetings])
        .select_related("event", "chapter")
        .order_by("-starts_at")
    )
    past = list(past)
    outcomes = history.outcomes_for(earlier.pk for earlier in past)
    by_lawmaker = defaultdict(list)
    for earlier in past:
        outcome = outcomes.get(earlier.pk, "")
        by_lawmaker[earlier.lawmaker_id].append(PastMeeting(meeting=earlier, outcome=outcome))
    return {
        meeting.pk: [
            item
            for item in by_lawmaker.get(meeting.lawmaker_id, [])
            if item.meeting.starts_at < meeting.starts_at
        ][:HISTORY_LENGTH]
        for meeting in meetings
    }


def _text(source) -> list[str]:
    lines = [f"# {source.title}", source.summary, ""]
    lines += [*source.background.splitlines(), "", *source.talking_points.splitlines()]
    if source.bill_numbers:
        lines += ["", f"Bills: {source.bill_numbers}"]
    return lines


def text_change(revision: AskRevision, ask: Ask) -> TextChange:
    lines = []
    for line in difflib.ndiff(_text(revision), _text(ask)):
        tag, text = line[:2], line[2:]
        if tag == "+ ":
            lines.append(("added", text))
        elif tag == "- ":
            lines.append(("removed", text))
        elif tag == "  " and text.strip():
            lines.append(("same", text))
    return TextChange(read_version=revision.version, lines=lines)


def _changes_for(viewer: User, asks: list[Ask]) -> tuple[dict[int, TextChange], set[int]]:
    """Changes since the viewer last read each ask, and the asks they never read."""
    if not asks or not viewer.is_authenticated:
        return {}, set()
    read = dict(
        AskReading.objects.filter(user=viewer, ask__in=asks).values_list("ask_id", "version")
    )
    by_id = {ask.pk: ask for ask in asks}
    stale = {
        ask_id: version for ask_id, version in read.items() if version < by_id[ask_id].version
    }
    changes = {}
    if stale:
        revisions = AskRevision.objects.filter(
            ask_id__in=list(stale), version__in=set(stale.values())
        )
        for revision in revisions:
            if stale.get(revision.ask_id) == revision.version:
                changes[revision.ask_id] = text_change(revision, by_id[revision.ask_id])
    never_read = {ask.pk for ask in asks if ask.pk not in read}
    return changes, never_read


def briefings_for(meeting_ids: list[int], *, viewer: User) -> list[Briefing]:
    """Briefings for these meetings, in time order, in a fixed number of queries."""
    meetings = list(_meetings(meeting_ids))
    if not meetings:
        return []
    asks_by_event = defaultdict(list)
    all_asks = list(
        Ask.objects.filter(event_id__in={m.event_id for m in meetings})
        .prefetch_related("target_committees", "leave_behinds")
        .order_by("priority", "pk")
    )
    for ask in all_asks:
        asks_by_event[ask.event_id].append(ask)
    seats = committee_seats_by_lawmaker({m.lawmaker_id for m in meetings})
    notes = defaultdict(list)
    for note in (
        MeetingNote.objects.filter(meeting__in=meetings)
        .select_related("author")
        .order_by("created_at", "pk")
    ):
        notes[note.meeting_id].append(note)
    leads = {
        (lead.meeting_id, lead.ask_id): lead.user
        for lead in AskLead.objects.filter(meeting__in=meetings).select_related("user")
    }
    changes, never_read = _changes_for(viewer, all_asks)
    history = _history(meetings)
    panels = office_panels.panels_for((m.lawmaker_id for m in meetings), viewer=viewer)

    briefings = []
    for meeting in meetings:
        applied = []
        for ask in asks_by_event[meeting.event_id]:
            reasons = reasons_for(ask, meeting.lawmaker, seats.get(meeting.lawmaker_id, []))
            if reasons is None:
                continue
            applied.append(
                BriefingAsk(
                    ask=ask,
                    reasons=reasons,
                    lead=leads.get((meeting.pk, ask.pk)),
                    notes=[n for n in notes[meeting.pk] if n.ask_id == ask.pk],
                    change=changes.get(ask.pk),
                    is_new_to_viewer=ask.pk in never_read,
                )
            )
        briefings.append(
            Briefing(
                meeting=meeting,
                committee_seats=_sorted_seats(seats.get(meeting.lawmaker_id, [])),
                delegation=_delegation(meeting, applied),
                asks=applied,
                notes=[n for n in notes[meeting.pk] if n.ask_id is None],
                history=history.get(meeting.pk, []),
                office_panel=panels.get(meeting.lawmaker_id, ""),
            )
        )
    return briefings


def _sorted_seats(seats: list[CommitteeSeat]) -> list[CommitteeSeat]:
    """Full committees first, each followed by its subcommittees; titled seats stand out."""

    def key(seat):
        committee = seat.committee
        top = committee.parent.name if committee.parent_id else committee.name
        return (top, committee.parent_id is not None, committee.name)

    return sorted(seats, key=key)


def _delegation(meeting: Meeting, applied: list[BriefingAsk]) -> list[DelegationMember]:
    people: dict[int, DelegationMember] = {}
    for seat in meeting.live_seats:
        people[seat.user_id] = DelegationMember(user=seat.user, seat=seat)
    for user, flag in ((meeting.lead, "is_lead"), (meeting.note_taker, "is_note_taker")):
        if user is not None:
            person = people.setdefault(user.pk, DelegationMember(user=user, seat=None))
            setattr(person, flag, True)
    for item in applied:
        if item.lead is not None and item.lead.pk in people:
            people[item.lead.pk].asks_led.append(item.ask)
    return sorted(
        people.values(),
        key=lambda p: (not p.is_lead, p.is_waitlisted, not p.is_constituent),
    )


def briefing_for(meeting: Meeting, *, viewer: User) -> Briefing:
    return briefings_for([meeting.pk], viewer=viewer)[0]


@dataclass
class Packet:
    event: Event
    person: User
    stops: list[ItineraryStop]
    briefings: list[Briefing]


def packet_for(*, event: Event, person: User, viewer: User) -> Packet:
    """A participant's day: the itinerary, then a briefing for each meeting they go to."""
    stops = itinerary(event=event, user=person)
    going = [stop.meeting.pk for stop in stops if stop.meeting.status in ACTIVE_MEETING_STATUSES]
    return Packet(
        event=event, person=person, stops=stops, briefings=briefings_for(going, viewer=viewer)
    )

"""Reads for talking points: which asks apply to an office, and why."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from localflavor.us.us_states import US_STATES

from lawmakers.models import CommitteeSeat, Lawmaker
from meetings.models import Meeting
from talkingpoints.models import Ask

STATE_NAMES = dict(US_STATES)
EVERY_OFFICE = "applies to every office"


@dataclass
class AppliedAsk:
    """An ask that applies to a meeting's office, with the reasons it does."""

    ask: Ask
    reasons: list[str] = field(default_factory=list)


def event_asks(event_ids: Iterable[int]):
    return (
        Ask.objects.filter(event_id__in=list(event_ids))
        .prefetch_related("target_committees", "leave_behinds")
        .order_by("priority", "pk")
    )


def committee_seats_by_lawmaker(lawmaker_ids: Iterable[int]) -> dict[int, list[CommitteeSeat]]:
    seats = CommitteeSeat.objects.filter(lawmaker_id__in=list(lawmaker_ids)).select_related(
        "committee", "committee__parent"
    )
    by_lawmaker = defaultdict(list)
    for seat in seats:
        by_lawmaker[seat.lawmaker_id].append(seat)
    return by_lawmaker


def _article(word: str) -> str:
    return "an" if word[:1].upper() in "AEIOU" else "a"


def _committee_reason(seat: CommitteeSeat) -> str:
    committee = seat.committee
    name = committee.parent.name if committee.parent_id else committee.name
    if committee.parent_id:
        where = f"the {committee.name} subcommittee of the {name}"
    else:
        where = f"the {name}"
    title = seat.title.strip()
    return f"is {title} of {where}" if title else f"sits on {where}"


def _targeted_committee_ids(ask: Ask) -> frozenset[int]:
    # Worked out once per ask object: a day's targeting asks it for every meeting.
    if not hasattr(ask, "_targeted_committee_ids"):
        ask._targeted_committee_ids = frozenset(c.pk for c in ask.target_committees.all())
    return ask._targeted_committee_ids


def reasons_for(ask: Ask, lawmaker: Lawmaker, seats: list[CommitteeSeat]) -> list[str] | None:
    """Why the ask applies to this office, or None when it does not.

    Every filled-in criterion must match; an ask with none applies everywhere.
    """
    reasons = []
    if ask.target_chambers:
        if lawmaker.chamber not in ask.target_chambers:
            return None
        reasons.append(f"sits in the {lawmaker.chamber_name}")
    if ask.target_parties:
        wanted = {party.casefold() for party in ask.target_parties}
        if lawmaker.party.casefold() not in wanted:
            return None
        reasons.append(f"is {_article(lawmaker.party)} {lawmaker.party}")
    if ask.target_states:
        if lawmaker.state not in ask.target_states:
            return None
        reasons.append(f"represents {STATE_NAMES.get(lawmaker.state, lawmaker.state)}")
    targeted = _targeted_committee_ids(ask)
    if targeted:
        matching = [
            seat
            for seat in seats
            if seat.committee_id in targeted or seat.committee.parent_id in targeted
        ]
        if not matching:
            return None
        # A full committee seat says more than a subcommittee seat on the same committee.
        matching.sort(key=lambda seat: (seat.committee.parent_id is not None, seat.committee.name))
        shown = set()
        for seat in matching:
            top = seat.committee.parent_id or seat.committee_id
            if top not in shown:
                shown.add(top)
                reasons.append(_committee_reason(seat))
    return reasons or [EVERY_OFFICE]


def asks_for_meetings(meetings: Iterable[Meeting]) -> dict[int, list[AppliedAsk]]:
    """For each meeting id, the asks that apply to its office, in priority order.

    Three queries however many meetings and asks: the asks (with their
    committees, and leave-behinds) and the offices' committee seats.
    """
    meetings = list(meetings)
    if not meetings:
        return {}
    asks_by_event = defaultdict(list)
    for ask in event_asks({meeting.event_id for meeting in meetings}):
        asks_by_event[ask.event_id].append(ask)
    seats = committee_seats_by_lawmaker({meeting.lawmaker_id for meeting in meetings})
    applied = {}
    for meeting in meetings:
        found = []
        for ask in asks_by_event.get(meeting.event_id, []):
            reasons = reasons_for(ask, meeting.lawmaker, seats.get(meeting.lawmaker_id, []))
            if reasons is not None:
                found.append(AppliedAsk(ask=ask, reasons=reasons))
        applied[meeting.pk] = found
    return applied


def asks_for_meeting(meeting: Meeting) -> list[AppliedAsk]:
    """The asks that apply to this meeting's office, each with the reasons why."""
    return asks_for_meetings([meeting])[meeting.pk]

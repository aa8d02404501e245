"""Who, seated in a meeting, can no longer make it and their other meetings of the day.

A leader who moves a meeting (or its room) may leave a seated person too little
time to walk to or from their other meeting. The rule is `rules.clash`, the
same one that refuses such a seat to the member; this module only asks it for
every person seated in some meetings at once, in one query.
"""

from collections import defaultdict
from dataclasses import dataclass

from events.models import Event
from meetings.models import ACTIVE_MEETING_STATUSES, Meeting, Seat, SeatStatus
from meetings.rules import Slot, clash
from members.models import User


@dataclass(frozen=True)
class SeatedClash:
    person: User
    meeting: Meeting
    other: Meeting
    reason: str

    @property
    def text(self) -> str:
        return f"{self.person} cannot make both: {self.reason}."


def seated_clashes(*, event: Event, meetings: list[Meeting]) -> dict[int, list[SeatedClash]]:
    """For each of these meetings' ids, the clashes of the people with a confirmed seat in it.

    The meetings given are taken as they are in memory (a meeting being moved
    counts at its new time); their people's other meetings are read from the
    database: one query whatever the number of meetings and people.
    """
    given = {meeting.pk: meeting for meeting in meetings if meeting.is_active}
    seated_here = Seat.objects.filter(meeting_id__in=list(given), status=SeatStatus.CONFIRMED)
    seats = Seat.objects.filter(
        meeting__event=event,
        meeting__status__in=ACTIVE_MEETING_STATUSES,
        status=SeatStatus.CONFIRMED,
        user_id__in=seated_here.values("user_id"),
    ).select_related("user", "meeting__lawmaker")
    days: dict[int, list[Meeting]] = defaultdict(list)
    people: dict[int, User] = {}
    for seat in seats:
        people[seat.user_id] = seat.user
        days[seat.user_id].append(given.get(seat.meeting_id, seat.meeting))
    found: dict[int, list[SeatedClash]] = defaultdict(list)
    for user_id, day in days.items():
        for meeting in day:
            if meeting.pk not in given:
                continue
            for other in day:
                if other.pk == meeting.pk:
                    continue
                reason = clash(event, Slot.of(meeting), Slot.of(other), whose="their")
                if reason:
                    found[meeting.pk].append(SeatedClash(people[user_id], meeting, other, reason))
    return dict(found)

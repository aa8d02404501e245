"""When, on the event's day, the whole delegation is free for this meeting.

Worked out from the other meetings of everyone in the delegation (lead,
note-taker, confirmed seats) and the walking rules (`meetings.rules.clash`),
so an office proposing a time can pick one that nobody has to refuse.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from meetings.models import ACTIVE_MEETING_STATUSES, Meeting, Seat, SeatStatus
from meetings.people import delegations_of
from meetings.rules import Slot, clash

STEP = datetime.timedelta(minutes=5)


def delegation_meetings(meeting: Meeting) -> list[Meeting]:
    """The delegation's other live meetings in the event."""
    ids = [d.user.pk for d in delegations_of([meeting])[meeting.pk]]
    if not ids:
        return []
    seats = Seat.objects.filter(user_id__in=ids, status=SeatStatus.CONFIRMED)
    seated = Q(pk__in=seats.values("meeting_id"))
    return list(
        Meeting.objects.filter(event_id=meeting.event_id, status__in=ACTIVE_MEETING_STATUSES)
        .filter(seated | Q(lead_id__in=ids) | Q(note_taker_id__in=ids))
        .exclude(pk=meeting.pk)
        .select_related("lawmaker")
    )


def free_windows(
    meeting: Meeting, *, now=None
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """Spans of the day (in the event's zone) in which the meeting fits for all of them."""
    event = meeting.event
    now = now or timezone.now()
    length = meeting.ends_at - meeting.starts_at
    others = [Slot.of(other) for other in delegation_meetings(meeting)]
    windows: list[list[datetime.datetime]] = []
    start = event.starts_at
    while start + length <= event.ends_at:
        slot = Slot(start, start + length, meeting.building, meeting.room, "")
        fits = start > now and all(clash(event, slot, other) is None for other in others)
        if fits and windows and windows[-1][1] == start - STEP + length:
            windows[-1][1] = start + length
        elif fits:
            windows.append([start, start + length])
        start += STEP
    return [(event.local(a), event.local(b)) for a, b in windows]

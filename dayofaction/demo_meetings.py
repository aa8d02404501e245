"""Demo meetings for the national Day of Action, so the schedule boards are not empty.

Needs the lawmakers (`manage.py import_lawmakers`); without them it does nothing.
"""

import contextlib
import datetime

from events.models import Event, Registration
from lawmakers.models import Chamber, Lawmaker, Level
from meetings.models import Meeting, MeetingStatus
from meetings.seats import SeatError, seat_take
from meetings.services import MeetingError, meeting_create, meeting_set_status

# chapter: [(state, chamber, which one, start, minutes, status)]
PLAN = {
    "Minnesota/Dakotas": [
        ("MN", Chamber.UPPER, 0, "09:00", 30, MeetingStatus.CONFIRMED),
        ("MN", Chamber.UPPER, 1, "09:45", 20, MeetingStatus.SCHEDULED),
        ("MN", Chamber.LOWER, 4, "11:00", 20, MeetingStatus.CONFIRMED),
        ("MN", Chamber.LOWER, 0, "11:30", 15, MeetingStatus.REQUESTED),
        ("ND", Chamber.UPPER, 0, "13:30", 20, MeetingStatus.SCHEDULED),
        ("SD", Chamber.UPPER, 0, "14:15", 20, MeetingStatus.REQUESTED),
        ("SD", Chamber.LOWER, 0, "15:00", 15, MeetingStatus.CANCELLED),
    ],
    "Massachusetts": [
        ("MA", Chamber.UPPER, 0, "10:00", 30, MeetingStatus.CONFIRMED),
        ("MA", Chamber.UPPER, 1, "10:45", 20, MeetingStatus.SCHEDULED),
        ("MA", Chamber.LOWER, 6, "13:00", 20, MeetingStatus.REQUESTED),
        # Another chapter meets this office too: both boards show the warning.
        ("ND", Chamber.UPPER, 0, "15:30", 20, MeetingStatus.REQUESTED),
    ],
    "Tennessee": [
        ("TN", Chamber.UPPER, 0, "09:30", 20, MeetingStatus.SCHEDULED),
        ("TN", Chamber.LOWER, 4, "10:30", 20, MeetingStatus.REQUESTED),
    ],
}
STEPS = {
    MeetingStatus.SCHEDULED: [MeetingStatus.SCHEDULED],
    MeetingStatus.CONFIRMED: [MeetingStatus.SCHEDULED, MeetingStatus.CONFIRMED],
    MeetingStatus.CANCELLED: [MeetingStatus.CANCELLED],
}


def _lawmaker(state: str, chamber: str, index: int) -> Lawmaker | None:
    found = (
        Lawmaker.objects.serving()
        .filter(level=Level.FEDERAL, state=state, chamber=chamber)
        .order_by("district", "last_name")
    )
    return found[index] if found.count() > index else None


def demo_meetings_create(*, event: Event, chapters: dict, by) -> None:
    if Meeting.objects.filter(event=event).exists():
        return
    if not Lawmaker.objects.serving().filter(level=Level.FEDERAL).exists():
        return
    for name, rows in PLAN.items():
        chapter = chapters[name]
        people = [m.user for m in chapter.memberships.select_related("user")]
        for person in people:
            Registration.objects.get_or_create(event=event, user=person)
        for number, (state, chamber, index, start, minutes, status) in enumerate(rows):
            lawmaker = _lawmaker(state, chamber, index)
            if lawmaker is None:
                continue
            starts_at = datetime.datetime.combine(
                event.date, datetime.time.fromisoformat(start), tzinfo=event.zone
            )
            try:
                meeting, _ = meeting_create(
                    event=event,
                    chapter=chapter,
                    lawmaker=lawmaker,
                    starts_at=starts_at,
                    minutes=minutes,
                    by=by,
                    seats=4 + number % 3,
                    lead=people[number % len(people)],
                )
            except MeetingError:
                continue
            for step in STEPS.get(status, []):
                meeting_set_status(meeting=meeting, status=step, by=by)
            for person in people[: 2 + number % 3]:
                with contextlib.suppress(SeatError):
                    seat_take(meeting_id=meeting.pk, user=person, by_leader=True)

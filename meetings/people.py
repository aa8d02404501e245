"""Who is in a meeting: the one definition of each group, for every app.

- **The delegation**: the people who walk into the office. The lead, the
  note-taker and everyone with a confirmed seat. They report on the meeting,
  lead its asks, and are the attendees a report can tick.
- **Going**: the delegation and the waitlist. The waitlisted are briefed and
  reminded like the delegation, because a seat can free up until the meeting
  starts and they must be ready to walk in.

Taking part in an event is a different question, answered by registration
(`events.selectors.takes_part_in`): taking a seat registers the person.
"""

from django.db.models import Q, QuerySet

from meetings.models import Meeting, Seat, SeatStatus
from members.models import User

LIVE_SEATS = (SeatStatus.CONFIRMED, SeatStatus.WAITLISTED)


def _in_meeting(user: User, statuses) -> Q:
    return (
        Q(lead=user)
        | Q(note_taker=user)
        | Q(pk__in=Seat.objects.filter(user=user, status__in=statuses).values("meeting_id"))
    )


def delegate_of(user: User) -> Q:
    """A filter on `Meeting`: the meetings whose delegation this person is in."""
    return _in_meeting(user, (SeatStatus.CONFIRMED,))


def going_to(user: User) -> Q:
    """A filter on `Meeting`: the meetings this person is going to (delegation or waitlist)."""
    return _in_meeting(user, LIVE_SEATS)


def _is_in(user: User, meeting: Meeting, statuses) -> bool:
    if user.pk is None:
        return False
    if user.pk in (meeting.lead_id, meeting.note_taker_id):
        return True
    return Seat.objects.filter(meeting=meeting, user=user, status__in=statuses).exists()


def in_delegation(user: User, meeting: Meeting) -> bool:
    return _is_in(user, meeting, (SeatStatus.CONFIRMED,))


def is_going(user: User, meeting: Meeting) -> bool:
    return _is_in(user, meeting, LIVE_SEATS)


def delegation_users(meeting: Meeting) -> QuerySet[User]:
    """The delegation as a `User` queryset (unordered), for forms and further filters."""
    confirmed = Seat.objects.filter(meeting=meeting, status=SeatStatus.CONFIRMED)
    named = [pk for pk in (meeting.lead_id, meeting.note_taker_id) if pk]
    return User.objects.filter(Q(pk__in=confirmed.values("user_id")) | Q(pk__in=named))


def delegation_of(meeting: Meeting) -> list[User]:
    """The delegation in a stable order: confirmed seats as taken, then lead and note-taker."""
    people = {
        seat.user_id: seat.user
        for seat in Seat.objects.filter(meeting=meeting, status=SeatStatus.CONFIRMED)
        .select_related("user")
        .order_by("requested_at", "pk")
    }
    for user in (meeting.lead, meeting.note_taker):
        if user is not None:
            people.setdefault(user.pk, user)
    return list(people.values())

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

from dataclasses import dataclass

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
    return [delegate.user for delegate in delegations_of([meeting])[meeting.pk]]


@dataclass(frozen=True)
class Delegate:
    user: User
    seat: Seat | None  # None for a lead or note-taker without a seat of their own


def delegations_of(meetings, *, related=("user",)) -> dict[int, list[Delegate]]:
    """Each meeting's delegation, ordered as `delegation_of`, in two queries for any number.

    `related` is what to load with each person (e.g. "user__profile").
    """
    meetings = list(meetings)
    found: dict[int, dict[int, Delegate]] = {meeting.pk: {} for meeting in meetings}
    seats = (
        Seat.objects.filter(meeting__in=meetings, status=SeatStatus.CONFIRMED)
        .select_related(*related)
        .order_by("requested_at", "pk")
    )
    for seat in seats:
        found[seat.meeting_id][seat.user_id] = Delegate(seat.user, seat)
    by_id = {d.user.pk: d.user for people in found.values() for d in people.values()}
    for meeting in meetings:  # a lead or note-taker loaded with the meeting costs no query
        for name in ("lead", "note_taker"):
            if Meeting._meta.get_field(name).is_cached(meeting) and getattr(meeting, name):
                by_id.setdefault(getattr(meeting, name).pk, getattr(meeting, name))
    named_ids = {pk for m in meetings for pk in (m.lead_id, m.note_taker_id) if pk}
    missing = named_ids - by_id.keys()
    users = {
        user.pk: user
        for user in User.objects.filter(pk__in=missing).select_related(
            *[name.removeprefix("user__") for name in related if name != "user"]
        )
    }
    by_id.update(users)
    for meeting in meetings:
        for pk in (meeting.lead_id, meeting.note_taker_id):
            if pk and pk in by_id:
                found[meeting.pk].setdefault(pk, Delegate(by_id[pk], None))
    return {pk: list(people.values()) for pk, people in found.items()}

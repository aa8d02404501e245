"""Reads for meetings, each page's data in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from chapters.models import Chapter, Membership
from events.models import Event, Registration
from lawmakers.models import Lawmaker
from meetings.forms import lawmakers_for
from meetings.models import ACTIVE_MEETING_STATUSES, Meeting, Seat, SeatStatus
from meetings.rules import Slot, gap_minutes, required_gap_minutes
from members.constituency import constituencies_for
from members.models import User


def _with_people(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    live = (
        Seat.objects.filter(status__in=(SeatStatus.CONFIRMED, SeatStatus.WAITLISTED))
        .select_related("user")
        .order_by("requested_at", "pk")
    )
    return meetings.select_related("lawmaker", "chapter", "lead", "note_taker").prefetch_related(
        Prefetch("seat_set", queryset=live, to_attr="live_seats")
    )


def chapter_meetings(*, event: Event, chapter: Chapter) -> QuerySet[Meeting]:
    return _with_people(Meeting.objects.filter(event=event, chapter=chapter)).order_by(
        "starts_at", "lawmaker__last_name"
    )


def event_meetings(*, event: Event) -> QuerySet[Meeting]:
    return _with_people(Meeting.objects.filter(event=event)).order_by("starts_at")


def lawmakers_for_profiles(profiles) -> dict[int, set[int]]:
    """For each user id, the ids of the serving lawmakers who represent them."""
    constituencies = constituencies_for(profiles)
    return {
        profile.user_id: {lawmaker.pk for lawmaker in constituencies[profile.pk].lawmakers}
        for profile in profiles
    }


@dataclass
class UncoveredOffice:
    lawmaker: Lawmaker
    constituents: list[User] = field(default_factory=list)


def uncovered_offices(*, event: Event, chapter: Chapter) -> list[UncoveredOffice]:
    """Offices of the event's legislature our registered members are constituents of,
    with no meeting in this event yet."""
    registered = (
        Registration.objects.filter(
            event=event, user__memberships__chapter=chapter, user__profile__isnull=False
        )
        .select_related("user", "user__profile")
        .order_by("user__last_name")
    )
    profiles = [registration.user.profile for registration in registered]
    represented = lawmakers_for_profiles(profiles)
    people = {registration.user_id: registration.user for registration in registered}
    met = set(
        Meeting.objects.filter(event=event, status__in=ACTIVE_MEETING_STATUSES).values_list(
            "lawmaker_id", flat=True
        )
    )
    wanted = defaultdict(list)
    for user_id, lawmaker_ids in represented.items():
        for lawmaker_id in lawmaker_ids - met:
            wanted[lawmaker_id].append(people[user_id])
    # Only the event's legislature: Congress for a national day, the state's for a state day
    # (a member's constituency holds both).
    lawmakers = lawmakers_for(event).in_bulk(list(wanted))
    offices = [UncoveredOffice(lawmakers[pk], wanted[pk]) for pk in wanted if pk in lawmakers]
    return sorted(offices, key=lambda office: (-len(office.constituents), office.lawmaker.state))


@dataclass
class ItineraryStop:
    meeting: Meeting
    seat: Seat
    colleagues: list[User]
    walk_minutes: int | None = None
    walk_needed: int | None = None
    # Both this meeting and the one before are calls: spacing, not a walk.
    between_calls: bool = False

    @property
    def walk_is_short(self) -> bool:
        return (
            self.walk_minutes is not None
            and self.walk_needed is not None
            and self.walk_minutes < self.walk_needed
        )


def itinerary(*, event: Event, user: User) -> list[ItineraryStop]:
    """A person's day in time order: confirmed and waitlisted seats, with the walk before each."""
    seats = (
        Seat.objects.filter(
            user=user,
            meeting__event=event,
            status__in=(SeatStatus.CONFIRMED, SeatStatus.WAITLISTED),
        )
        .select_related("meeting")
        .order_by("meeting__starts_at")
    )
    meetings = {
        meeting.pk: meeting
        for meeting in _with_people(Meeting.objects.filter(pk__in=seats.values("meeting_id")))
    }
    stops, previous = [], None
    for seat in seats:
        meeting = meetings[seat.meeting_id]
        colleagues = [
            s.user
            for s in meeting.live_seats
            if s.status == SeatStatus.CONFIRMED and s.user_id != user.pk
        ]
        stop = ItineraryStop(meeting=meeting, seat=seat, colleagues=colleagues)
        walks_here = seat.status == SeatStatus.CONFIRMED and meeting.is_active
        if previous is not None and walks_here:
            first, second = Slot.of(previous), Slot.of(meeting)
            stop.walk_minutes = gap_minutes(first, second)
            stop.walk_needed = required_gap_minutes(event, first, second)
            stop.between_calls = first.remote and second.remote
        if walks_here:
            previous = meeting
        stops.append(stop)
    return stops


def meetings_open_to(*, event: Event, user: User) -> list[Meeting]:
    """The meetings a member may join: their chapters' and their own lawmakers', theirs first."""
    chapter_ids = list(Membership.objects.filter(user=user).values_list("chapter_id", flat=True))
    profile = getattr(user, "profile", None)
    own = lawmakers_for_profiles([profile]).get(user.pk, set()) if profile else set()
    meetings = list(
        event_meetings(event=event).filter(
            Q(chapter_id__in=chapter_ids) | Q(lawmaker_id__in=own),
            status__in=ACTIVE_MEETING_STATUSES,
        )
    )
    for meeting in meetings:
        meeting.is_mine = meeting.lawmaker_id in own
        meeting.my_seat = next((s for s in meeting.live_seats if s.user_id == user.pk), None)
    return sorted(meetings, key=lambda m: (not m.is_mine, m.starts_at))

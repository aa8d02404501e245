"""Pairing first-timers with experienced members of their chapter for a Day of Action.

Suggestions (`suggest_pairs`) are worked out in memory from a few queries: each
first-timer registered for the event, in the chapter, without a mentor yet, gets
the experienced registered member of the same chapter who (1) lives in the same
state, (2) shares the most meetings with them, (3) mentors the fewest people so
far; nobody mentors more than `MENTEES_PER_MENTOR`. A first-timer with nobody
left in their state is paired across states only when no one in the state can
take them, and the reason says so; with nobody at all, they stay unpaired.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings

from chapters.models import Chapter, Membership
from events.models import Event, Registration
from meetings.models import Seat
from meetings.people import LIVE_SEATS
from members.models import User
from trainings.models import Mentorship


@dataclass(frozen=True)
class Pair:
    mentor: User
    mentee: User
    reason: str


def _registered_members(event: Event, chapter: Chapter) -> list[User]:
    members = Membership.objects.filter(chapter=chapter).values("user_id")
    return [
        registration.user
        for registration in Registration.objects.filter(event=event, user__in=members)
        .select_related("user__profile")
        .order_by("user__last_name", "user__first_name", "user_id")
    ]


def _meetings_of(event: Event, users: list[User]) -> dict[int, set[int]]:
    meetings: dict[int, set[int]] = defaultdict(set)
    for user_id, meeting_id in Seat.objects.filter(
        meeting__event=event, user__in=users, status__in=LIVE_SEATS
    ).values_list("user_id", "meeting_id"):
        meetings[user_id].add(meeting_id)
    return meetings


def suggest_pairs(*, event: Event, chapter: Chapter) -> list[Pair]:
    limit = settings.MENTEES_PER_MENTOR
    people = _registered_members(event, chapter)
    taken = Mentorship.objects.filter(event=event)
    has_mentor = set(taken.values_list("mentee_id", flat=True))
    load: dict[int, int] = defaultdict(int)
    for mentor_id in taken.values_list("mentor_id", flat=True):
        load[mentor_id] += 1
    first_timers = [p for p in people if p.profile.first_time_advocate and p.pk not in has_mentor]
    experienced = [p for p in people if not p.profile.first_time_advocate]
    meetings = _meetings_of(event, people)
    pairs = []
    for mentee in first_timers:
        free = [m for m in experienced if load[m.pk] < limit]
        if not free:
            break
        state = mentee.profile.state

        def rank(mentor: User, mentee=mentee, state=state):
            shared = len(meetings[mentor.pk] & meetings[mentee.pk])
            return (mentor.profile.state != state or not state, -shared, load[mentor.pk])

        mentor = min(free, key=rank)
        shared = len(meetings[mentor.pk] & meetings[mentee.pk])
        same_state = bool(state) and mentor.profile.state == state
        reason = ", ".join(
            part
            for part in (
                f"both in {state}" if same_state else "nobody free in the same state",
                f"{shared} meeting{'s' if shared != 1 else ''} together" if shared else "",
            )
            if part
        )
        load[mentor.pk] += 1
        pairs.append(Pair(mentor=mentor, mentee=mentee, reason=reason))
    return pairs


def pairs_apart(*, event: Event, mentorships: list[Mentorship]) -> list[Mentorship]:
    """Confirmed pairs whose confirmed meetings share none: the planner could not keep them
    together (or nobody planned them yet). Shown to leaders, who can move a seat."""
    users = [m.mentor for m in mentorships] + [m.mentee for m in mentorships]
    meetings = _meetings_of(event, users)
    return [
        m
        for m in mentorships
        if meetings[m.mentee_id] and not (meetings[m.mentor_id] & meetings[m.mentee_id])
    ]

"""The day to plan, built from the database: the solver's `Problem` and the gaps people must fill.

`plan_inputs(event=, chapter=)` reads everything in a fixed number of queries
(registrations with profiles, memberships, chapters and their states, the
constituencies, targets, live meetings with their seats, acquaintances, the
rules) whatever the number of people and offices. Nothing is guessed: a person
with no district is listed, not placed; a ZIP spanning districts is listed
with a question to send.
"""

import datetime
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch

from chapters.models import Chapter, Membership
from events.models import Attendance, Event, EventFormat, Level, Registration
from events.requirements import unmet_requirements
from lawmakers.models import Lawmaker
from lawmakers.models import Level as LawmakerLevel
from meetings.models import ACTIVE_MEETING_STATUSES, Meeting, MeetingStatus, Seat, SeatStatus
from members.constituency import Constituency, constituencies_for
from members.models import User
from members.time_zones import profile_zone
from planner.models import Acquaintance, PlanRules, Target, TargetPriority
from planner.problem import (
    Incumbent,
    LocalWindow,
    Office,
    Participant,
    Pin,
    Place,
    Priority,
    Problem,
    Rules,
    Window,
)
from planner.programme import event_programme
from planner.walking import walking_minutes_for

PRIORITIES = {
    TargetPriority.MUST: Priority.MUST,
    TargetPriority.SHOULD: Priority.SHOULD,
    TargetPriority.NICE: Priority.NICE,
}
NO_DISTRICT = "cannot place: no district — ask them"
PINNED_STATUSES = (MeetingStatus.CONFIRMED, MeetingStatus.HELD)


@dataclass
class PlanInputs:
    event: Event
    chapter: Chapter | None
    problem: Problem
    people: dict[int, User]
    lawmakers: dict[int, Lawmaker]
    chapters: dict[int, Chapter]
    chapter_states: dict[int, set[str]]
    # Why an office of the delegations or targets is not in the problem at all.
    offices_excluded: dict[int, str] = field(default_factory=dict)
    # Registered, but not placed: the reason, in plain words.
    unplaceable: list[tuple[User, str]] = field(default_factory=list)
    # Their ZIP spans several districts and they never chose one (placed with their senators).
    district_choices: list[User] = field(default_factory=list)
    default_hours: int = 0
    blocked: list[tuple[str, Window]] = field(default_factory=list)
    # Where each office came from: "delegation", "target" or "meeting".
    office_sources: dict[int, str] = field(default_factory=dict)
    # Live meetings of the event by id, with `live_seats`.
    meetings: dict[int, Meeting] = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        return problem_fingerprint(self.problem, self.event)


def rules_for(event: Event) -> PlanRules:
    """The event's planning rules, or the defaults (unsaved) until staff change them."""
    return PlanRules.objects.filter(event=event).first() or PlanRules(event=event)


def _aware(event: Event, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(event.date, time, tzinfo=event.zone)


def _blocked(event: Event, rules: PlanRules) -> list[tuple[str, Window]]:
    blocked = []
    if rules.lunch_starts and rules.lunch_ends:
        blocked.append(
            ("Lunch", Window(_aware(event, rules.lunch_starts), _aware(event, rules.lunch_ends)))
        )
    for item in event_programme(event):
        blocked.append((item.label, Window(_aware(event, item.starts), _aware(event, item.ends))))
    return blocked


def _delegation(event: Event, constituency: Constituency) -> list[Lawmaker]:
    """The offices a person is a constituent of, for this kind of day."""
    if event.level == Level.NATIONAL:
        return [lm for lm in constituency.lawmakers if lm.level == LawmakerLevel.FEDERAL]
    return [
        lm
        for lm in constituency.lawmakers
        if lm.level == LawmakerLevel.STATE and lm.state == event.state
    ]


def _registrations(event: Event, chapter: Chapter | None) -> list[Registration]:
    registrations = Registration.objects.filter(event=event).select_related("user__profile")
    if chapter is not None:
        registrations = registrations.filter(user__memberships__chapter=chapter)
    registrations = list(registrations.order_by("user__last_name", "user__first_name", "user_id"))
    # Someone who may not be seated yet (a required training not done) is not planned.
    unmet = unmet_requirements(event=event, user_ids=[r.user_id for r in registrations])
    return [registration for registration in registrations if registration.user_id not in unmet]


def _live_meetings(event: Event) -> dict[int, Meeting]:
    confirmed = Seat.objects.filter(status=SeatStatus.CONFIRMED).order_by("pk")
    meetings = (
        Meeting.objects.filter(event=event, status__in=ACTIVE_MEETING_STATUSES)
        .select_related("lawmaker", "chapter")
        .prefetch_related(Prefetch("seat_set", queryset=confirmed, to_attr="live_seats"))
        .order_by("starts_at", "pk")
    )
    return {meeting.pk: meeting for meeting in meetings}


def _place(event: Event, lawmaker: Lawmaker) -> Place:
    """A virtual day meets every office on a call; other days in its rooms (hybrid: calls
    are the meetings leaders set as calls, seen as pins and incumbents)."""
    if event.format == EventFormat.VIRTUAL:
        return Place("", "", remote=True)
    return Place(lawmaker.office_building, lawmaker.office_room)


def _meeting_place(meeting: Meeting) -> Place:
    if meeting.is_remote:
        return Place("", "", remote=True)
    return Place(meeting.building, meeting.room)


def _office_place(event: Event, lawmaker: Lawmaker, meeting: Meeting | None) -> Place:
    if meeting is not None and meeting.is_remote:
        return _meeting_place(meeting)
    return _place(event, lawmaker)


def _office_on_our_line(event: Event, meeting: Meeting | None) -> bool:
    if meeting is not None and meeting.is_remote:
        return meeting.on_our_line
    return event.format == EventFormat.VIRTUAL


def _joins_from_home(event: Event, registration: Registration) -> bool:
    if event.format == EventFormat.VIRTUAL:
        return True
    return event.format == EventFormat.HYBRID and registration.attendance == Attendance.VIRTUAL


def _availability(event: Event, registration: Registration) -> tuple[Window, LocalWindow | None]:
    """When the person can be booked: the event's hours (or theirs), and from home only
    within their working window on their own clock."""
    window = Window(
        _aware(event, registration.arrive_by or event.day_starts),
        _aware(event, registration.leave_at or event.day_ends),
    )
    if not _joins_from_home(event, registration):
        return window, None
    profile = getattr(registration.user, "profile", None)
    starts, ends = registration.calls_window
    local = LocalWindow(
        zone=profile_zone(profile) or event.time_zone, date=event.date, starts=starts, ends=ends
    )
    own = local.in_day()
    starts, ends = max(window.starts_at, own.starts_at), min(window.ends_at, own.ends_at)
    # No overlap at all: an empty window, so the person is listed as not placed.
    return Window(starts, max(starts, ends)), local


def plan_inputs(*, event: Event, chapter: Chapter | None = None) -> PlanInputs:
    """Everything the planner needs for the whole event, or for one chapter's part of it."""
    registrations = _registrations(event, chapter)
    users = {r.user_id: r.user for r in registrations}
    memberships = Membership.objects.filter(user_id__in=list(users)).order_by("pk")
    first_chapter: dict[int, int] = {}
    for user_id, chapter_id in memberships.values_list("user_id", "chapter_id"):
        first_chapter.setdefault(user_id, chapter_id)
    if chapter is not None:
        first_chapter = dict.fromkeys(users, chapter.pk)
    chapters = {
        c.pk: c
        for c in Chapter.objects.filter(
            pk__in={*first_chapter.values(), *([chapter.pk] if chapter else [])}
        ).prefetch_related("states")
    }
    chapter_states = {pk: {s.state for s in c.states.all()} for pk, c in chapters.items()}
    scope_states = chapter_states.get(chapter.pk, set()) if chapter else None

    profiles = [r.user.profile for r in registrations if hasattr(r.user, "profile")]
    constituencies = constituencies_for(profiles)
    rules_row = rules_for(event)
    targets = list(Target.objects.filter(event=event).select_related("lawmaker"))
    meetings = _live_meetings(event)
    knows: dict[int, set[int]] = {}
    for user_id, lawmaker_id in Acquaintance.objects.filter(
        event=event, user_id__in=list(users)
    ).values_list("user_id", "lawmaker_id"):
        knows.setdefault(user_id, set()).add(lawmaker_id)

    inputs = PlanInputs(
        event=event,
        chapter=chapter,
        problem=None,  # set below
        people={},
        lawmakers={},
        chapters=chapters,
        chapter_states=chapter_states,
        meetings=meetings,
    )

    # Offices: the delegations of the people placed, then the targets.
    wanted: dict[int, Priority] = {}
    constituent_of: dict[int, set[int]] = {}
    for registration in registrations:
        user = registration.user
        profile = getattr(user, "profile", None)
        constituency = constituencies.get(profile.pk) if profile else None
        if constituency is None or (constituency.problem and constituency.district is None):
            inputs.unplaceable.append((user, NO_DISTRICT))
            continue
        if constituency.needs_district_choice:
            inputs.district_choices.append(user)
        inputs.people[user.pk] = user
        own = _delegation(event, constituency)
        constituent_of[user.pk] = {lm.pk for lm in own}
        for lawmaker in own:
            inputs.lawmakers[lawmaker.pk] = lawmaker
            wanted.setdefault(lawmaker.pk, Priority.SHOULD)
            inputs.office_sources.setdefault(lawmaker.pk, "delegation")
    for target in targets:
        inputs.lawmakers[target.lawmaker_id] = target.lawmaker
        if target.priority == TargetPriority.SKIP:
            wanted.pop(target.lawmaker_id, None)
            inputs.offices_excluded[target.lawmaker_id] = "staff chose to leave it out"
            continue
        wanted[target.lawmaker_id] = PRIORITIES[target.priority]
        inputs.office_sources.setdefault(target.lawmaker_id, "target")

    # Meetings that exist: pins stay exactly as they are, incumbents unless a hard rule forces.
    pins, incumbents = [], []
    for meeting in meetings.values():
        people = frozenset(s.user_id for s in meeting.live_seats if s.user_id in inputs.people)
        ours = chapter is None or meeting.chapter_id == chapter.pk
        if not ours and not people:
            if meeting.lawmaker_id in wanted:
                wanted.pop(meeting.lawmaker_id)
                inputs.offices_excluded[meeting.lawmaker_id] = (
                    f"{meeting.chapter} already meets this office"
                )
            continue
        inputs.lawmakers[meeting.lawmaker_id] = meeting.lawmaker
        wanted.setdefault(meeting.lawmaker_id, Priority.SHOULD)
        inputs.office_sources.setdefault(meeting.lawmaker_id, "meeting")
        if meeting.status in PINNED_STATUSES or meeting.keep or not ours:
            pins.append(
                Pin(
                    meeting=meeting.pk,
                    office=meeting.lawmaker_id,
                    starts_at=meeting.starts_at,
                    ends_at=meeting.ends_at,
                    place=_meeting_place(meeting),
                    people=people,
                    our_line=meeting.on_our_line,
                )
            )
        else:
            incumbents.append(
                Incumbent(
                    meeting=meeting.pk,
                    office=meeting.lawmaker_id,
                    starts_at=meeting.starts_at,
                    people=people,
                )
            )

    if scope_states is not None:
        met = {pin.office for pin in pins} | {inc.office for inc in incumbents}
        for pk in list(wanted):
            if pk not in met and inputs.lawmakers[pk].state not in scope_states:
                wanted.pop(pk)
                inputs.offices_excluded[pk] = "outside the chapter's states"

    # An office a leader already set up as a call stays a call when re-planned.
    meetings_of = {meeting.lawmaker_id: meeting for meeting in meetings.values()}
    offices = tuple(
        Office(
            key=pk,
            label=str(inputs.lawmakers[pk]),
            state=inputs.lawmakers[pk].state,
            chamber=inputs.lawmakers[pk].chamber,
            priority=wanted[pk],
            place=_office_place(event, inputs.lawmakers[pk], meetings_of.get(pk)),
            constituency=inputs.lawmakers[pk].seat,
            our_line=_office_on_our_line(event, meetings_of.get(pk)),
        )
        for pk in sorted(wanted)
    )
    office_keys = {office.key for office in offices}

    participants = []
    for registration in registrations:
        user = registration.user
        if user.pk not in inputs.people:
            continue
        if registration.arrive_by is None and registration.leave_at is None:
            inputs.default_hours += 1
        available, local_window = _availability(event, registration)
        participants.append(
            Participant(
                key=user.pk,
                label=user.full_name or user.email,
                chapter=first_chapter.get(user.pk, 0),
                state=user.profile.state,
                experienced=not user.profile.first_time_advocate,
                constituent_of=frozenset(constituent_of[user.pk] & office_keys),
                available=available,
                knows=frozenset(knows.get(user.pk, set()) & office_keys),
                mentor=None,  # mentors are not recorded yet
                local_window=local_window,
                from_the_hill=registration.joins_from_the_hill,
            )
        )

    inputs.blocked = _blocked(event, rules_row)
    rules = Rules(
        day=Window(event.starts_at, event.ends_at),
        meeting_minutes=event.default_meeting_minutes,
        team_min=rules_row.team_min,
        team_max=rules_row.team_max,
        max_meetings_per_person=rules_row.max_meetings_per_person,
        walking_minutes=walking_minutes_for(event),
        blocked=tuple(window for _, window in inputs.blocked),
        video_lines=settings.VIDEO_LINES if event.has_remote_meetings else None,
        line_rest_minutes=settings.VIDEO_LINE_REST_MINUTES,
    )
    inputs.problem = Problem(
        rules=rules,
        offices=offices,
        participants=tuple(participants),
        pins=tuple(pins),
        incumbents=tuple(incumbents),
    )
    return inputs


def owning_chapter(inputs: PlanInputs, office: int, people) -> int | None:
    """The chapter that owns a planned meeting.

    The chapter covering the office's state among the team's chapters, else
    the team's majority chapter (the smallest id on a tie, so it is stable).
    """
    if inputs.chapter is not None:
        return inputs.chapter.pk
    teams = [p.chapter for p in inputs.problem.participants if p.key in set(people) and p.chapter]
    state = inputs.lawmakers[office].state
    covering = sorted({c for c in teams if state in inputs.chapter_states.get(c, set())})
    if covering:
        return covering[0]
    if not teams:
        return None
    counts = Counter(teams)
    return min(counts, key=lambda c: (-counts[c], c))


def _plain(value):
    if isinstance(value, frozenset | set):
        return sorted(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return {name: getattr(value, name) for name in value.__dataclass_fields__}
    return str(value)


def problem_fingerprint(problem: Problem, event: Event) -> str:
    """A digest of what a plan depends on; two equal days give equal digests."""
    rules = problem.rules
    content = {
        "rules": [
            rules.day,
            rules.meeting_minutes,
            rules.team_min,
            rules.team_max,
            rules.max_meetings_per_person,
            rules.grid_minutes,
            list(rules.blocked),
            # The walking rules are a function: fingerprint the gaps it reads.
            event.gap_same_building_minutes,
            event.gap_same_side_minutes,
            event.gap_across_sides_minutes,
            event.format,
            event.remote_spacing_minutes,
            rules.video_lines,
            rules.line_rest_minutes,
        ],
        "offices": sorted(problem.offices, key=lambda o: o.key),
        "participants": sorted(problem.participants, key=lambda p: p.key),
        "pins": sorted(problem.pins, key=lambda p: p.meeting),
        "incumbents": sorted(problem.incumbents, key=lambda i: i.meeting),
    }
    text = json.dumps(content, default=_plain, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()

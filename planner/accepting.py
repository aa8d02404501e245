"""Accepting a draft: its meetings become ordinary meetings through the hand-scheduling services.

Everything goes through `meetings.services` (create, update, status) and
`meetings.seats` (take, cancel), so calendars, reminders and reports follow
exactly as when a leader schedules by hand. One transaction per accept: a
refusal anywhere writes nothing. The people whose day changed hear once each,
after the commit, with their whole day (`meetings.services.days_changed_announce`),
not once per seat and meeting as a leader's single edits announce themselves.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from chapters.models import Chapter
from common.join_links import own_room_available, own_room_new
from events.models import EventFormat
from meetings import seats, services
from meetings.models import LineHost, MeetingMode, MeetingStatus, Seat, SeatStatus
from members.models import User
from planner.errors import PlanError
from planner.inputs import PlanInputs, plan_inputs, rules_for
from planner.models import PlanRun, ProposedMeeting, RunStatus
from planner.problem import Outcome

CHANGED_SINCE = (
    "The day changed since this plan was made (registrations, times, offices or meetings): "
    "make a new plan, then accept it."
)


@dataclass
class Accepted:
    created: int = 0
    changed: int = 0
    cancelled: int = 0
    people: int = 0  # whose day changed


def _call_fields(event) -> dict:
    """A virtual day's new meetings are calls on our line, in a room of our own if we have
    a video server (the office's own link, when it sends one, replaces it)."""
    if event.format != EventFormat.VIRTUAL:
        return {}
    room = own_room_new().url if own_room_available() else ""
    return {"mode": MeetingMode.VIDEO, "line_host": LineHost.OURS, "join_url": room}


def _rows(
    run: PlanRun, chapter: Chapter | None, proposed_ids, *, lock: bool = True
) -> list[ProposedMeeting]:
    rows = ProposedMeeting.objects.all()
    if lock:
        rows = rows.select_for_update(of=("self",))
    rows = (
        rows.filter(run=run, is_pinned=False)
        .select_related("lawmaker", "chapter", "meeting")
        .order_by("starts_at", "pk")
    )
    if chapter is not None:
        rows = rows.filter(chapter=chapter)
    if proposed_ids is not None:
        rows = rows.filter(pk__in=list(proposed_ids))
    return list(rows)


def _users(rows: list[ProposedMeeting]) -> dict[int, User]:
    wanted = {pk for row in rows for pk in row.people}
    return User.objects.in_bulk(list(wanted))


def _check(run: PlanRun, rows: list[ProposedMeeting]) -> PlanInputs:
    if run.status != RunStatus.DONE or run.outcome not in (Outcome.OPTIMAL, Outcome.FEASIBLE):
        raise PlanError("This plan has no meetings to accept: make a new plan.")
    if not rows:
        raise PlanError("There is nothing to accept in this part of the plan.")
    if any(row.accepted for row in rows):
        raise PlanError("This plan was already accepted: make a new plan to change the day.")
    inputs = plan_inputs(event=run.event, chapter=run.chapter)
    if inputs.fingerprint != run.fingerprint:
        raise PlanError(CHANGED_SINCE)
    return inputs


def _seat(meeting_id: int, user: User) -> None:
    seat = seats.seat_take(meeting_id=meeting_id, user=user, by_leader=True, announce=False)
    if seat.status != SeatStatus.CONFIRMED:
        raise PlanError(f"{user} could not get a seat in the meeting: it is full.")


def _seated(meeting_id: int) -> set[int]:
    return set(
        Seat.objects.filter(meeting_id=meeting_id, status=SeatStatus.CONFIRMED).values_list(
            "user_id", flat=True
        )
    )


def _dropped_incumbents(run: PlanRun, inputs: PlanInputs, chapter: Chapter | None) -> list:
    """This scope's meetings that the plan no longer has (a hard rule forced them out)."""
    kept = set(
        ProposedMeeting.objects.filter(run=run, meeting__isnull=False).values_list(
            "meeting_id", flat=True
        )
    )
    incumbents = {incumbent.meeting for incumbent in inputs.problem.incumbents}
    return [
        meeting
        for pk, meeting in inputs.meetings.items()
        if pk in incumbents
        and pk not in kept
        and (chapter is None or meeting.chapter_id == chapter.pk)
    ]


def plan_accept_check(*, run: PlanRun, chapter: Chapter | None = None, proposed_ids=None) -> int:
    """What `plan_accept` would refuse, refused now (before a worker is asked); else the count."""
    rows = _rows(run, chapter, proposed_ids, lock=False)
    _check(run, rows)
    return len(rows)


@transaction.atomic
def plan_accept(
    *,
    run: PlanRun,
    by: User,
    chapter: Chapter | None = None,
    proposed_ids=None,
) -> Accepted:
    """Accept the whole draft, one chapter's part of it, or chosen meetings; all or nothing."""
    run = (
        PlanRun.objects.select_for_update(of=("self",))
        .select_related("event", "chapter")
        .get(pk=run.pk)
    )
    rows = _rows(run, chapter, proposed_ids)
    inputs = _check(run, rows)
    people = _users(rows)
    event = run.event
    team_max = rules_for(event).team_max
    result = Accepted()
    touched: set[int] = set()  # whose day changes: they hear once each, after the commit
    try:
        if proposed_ids is None:
            for meeting in _dropped_incumbents(run, inputs, chapter):
                touched |= _seated(meeting.pk)
                services.meeting_set_status(
                    meeting=meeting, status=MeetingStatus.CANCELLED, by=by, announce=False
                )
                result.cancelled += 1
        moved = [row for row in rows if row.meeting_id]
        new = [row for row in rows if not row.meeting_id]
        # People leave first, then meetings move, then people join: nobody clashes midway.
        for row in moved:
            for seat in Seat.objects.filter(meeting=row.meeting, status=SeatStatus.CONFIRMED):
                # Only people the plan placed are moved: others (another chapter's, or not
                # registered) were not part of the problem and keep their seats.
                if seat.user_id in inputs.people and seat.user_id not in row.people:
                    seats.seat_cancel(seat=seat, by_leader=True)
                    touched.add(seat.user_id)
        for row in moved:
            seated = _seated(row.meeting_id)
            if (row.starts_at, row.ends_at) != (row.meeting.starts_at, row.meeting.ends_at):
                touched |= seated
            services.meeting_update(
                meeting=row.meeting,
                by=by,
                announce=False,
                starts_at=row.starts_at,
                ends_at=row.ends_at,
                seats=max(row.meeting.seats, len(row.people)),
                lead_id=row.lead_id,
                note_taker_id=row.note_taker_id,
            )
            for user_id in row.people:
                if user_id not in seated:
                    _seat(row.meeting_id, people[user_id])
                    touched.add(user_id)
            result.changed += 1
        for row in new:
            meeting, _warnings = services.meeting_create(
                event=event,
                chapter=row.chapter,
                lawmaker=row.lawmaker,
                starts_at=row.starts_at,
                minutes=int((row.ends_at - row.starts_at).total_seconds() // 60),
                by=by,
                seats=max(team_max, len(row.people)),
                lead=people.get(row.lead_id),
                note_taker=people.get(row.note_taker_id),
                notes="Planned with the day's planner.",
                **_call_fields(event),
            )
            for user_id in row.people:
                _seat(meeting.pk, people[user_id])
            touched.update(row.people)
            row.meeting = meeting
            result.created += 1
    except (services.MeetingError, seats.SeatError) as error:
        raise PlanError(f"The plan could not be accepted, nothing was changed: {error}") from None
    now = timezone.now()
    for row in rows:
        row.accepted, row.accepted_at = True, now
    ProposedMeeting.objects.bulk_update(rows, ["accepted", "accepted_at", "meeting"])
    # The day now includes what was just accepted: the rest of this plan stays acceptable.
    run.fingerprint = plan_inputs(event=event, chapter=run.chapter).fingerprint
    run.save(update_fields=["fingerprint"])
    services.days_changed_announce(event=event, user_ids=touched)
    result.people = len(touched)
    return result

"""Which reminder and follow-up emails exist, as outbox rows with the time each may go.

Planning is idempotent: every email has a key (person + event or meeting + kind),
so planning again (on each sign-up, and hourly from the beat) adds only what is
missing. What an email says is worked out when it goes (followup/composers.py),
and one that no longer applies (the seat was given up) is cancelled then.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from chapters.models import LEADER_ROLES, Membership
from events.models import Event, Registration
from followup import schedule
from meetings.models import ACTIVE_MEETING_STATUSES, Meeting, MeetingStatus, Seat
from meetings.people import LIVE_SEATS
from members.models import User
from outbox import services as outbox


def _row(kind: str, key: str, to: str, send_after, context: dict, *, essential=True) -> dict:
    return {
        "kind": f"followup.{kind}",
        "key": f"followup.{key}",
        "to": to,
        "template_prefix": f"followup/email/{kind}",
        "context": context,
        "send_after": send_after,
        "essential": essential,
        "topic": f"event:{context['event_id']}",
    }


def _person_rows(event, rules, user, seats, now) -> list[dict]:
    base = {"event_id": event.pk, "user_id": user.pk}
    rows = [
        _row(
            "day_before",
            f"day_before:{event.pk}:{user.pk}",
            user.email,
            schedule.day_before_at(event, rules),
            base,
        ),
        _row(
            "morning_of",
            f"morning_of:{event.pk}:{user.pk}",
            user.email,
            schedule.morning_of_at(event, rules),
            base,
        ),
        _row(
            "feedback",
            f"feedback:{event.pk}:{user.pk}",
            user.email,
            schedule.feedback_at(event, rules),
            base,
            essential=False,
        ),
    ]
    for seat in seats:
        rows.append(
            _row(
                "before_meeting",
                f"before_meeting:{seat.meeting_id}:{user.pk}",
                user.email,
                schedule.before_meeting_at(seat.meeting.starts_at, rules),
                {**base, "meeting_id": seat.meeting_id},
            )
        )
    return [row for row in rows if row["send_after"] > now]


def reminders_plan_for_person(*, event: Event, user, now: datetime.datetime | None = None) -> int:
    """A participant's reminders for the event (called when they sign up or register)."""
    return reminders_plan_for_people(event=event, user_ids=[user.pk], now=now)


def reminders_plan_for_people(
    *, event: Event, user_ids, now: datetime.datetime | None = None
) -> int:
    """Participants' reminders for the event, however many at once (a plan accepted), in a
    few queries."""
    now = now or timezone.now()
    rules = schedule.settings_for(event)
    seats_by_user: dict[int, list[Seat]] = {}
    seats = Seat.objects.filter(
        user_id__in=list(user_ids), meeting__event=event, status__in=LIVE_SEATS
    ).select_related("meeting")
    for seat in seats:
        seats_by_user.setdefault(seat.user_id, []).append(seat)
    rows = []
    for user in User.objects.filter(pk__in=list(user_ids)):
        rows += _person_rows(event, rules, user, seats_by_user.get(user.pk, []), now)
    return outbox.emails_queue_many(emails=rows)


def reminders_plan_for_event(*, event: Event, now: datetime.datetime | None = None) -> int:
    """Everyone's reminders, the leaders' daily summaries and the report requests."""
    now = now or timezone.now()
    rules = schedule.settings_for(event)
    seats_by_user: dict[int, list[Seat]] = {}
    users = {}
    for registration in Registration.objects.filter(event=event).select_related("user"):
        users[registration.user_id] = registration.user
        seats_by_user.setdefault(registration.user_id, [])
    for seat in Seat.objects.filter(meeting__event=event, status__in=LIVE_SEATS).select_related(
        "meeting", "user"
    ):
        users[seat.user_id] = seat.user
        seats_by_user.setdefault(seat.user_id, []).append(seat)
    rows = []
    for user_id, user in users.items():
        rows += _person_rows(event, rules, user, seats_by_user[user_id], now)
    rows += _leader_digest_rows(event, rules, now)
    for meeting in Meeting.objects.filter(
        event=event, status=MeetingStatus.HELD, lead__isnull=False
    ).select_related("lead"):
        rows += _report_rows(meeting, rules, now)
    return outbox.emails_queue_many(emails=rows)


def _leader_digest_rows(event, rules, now) -> list[dict]:
    chapter_ids = set(
        Meeting.objects.filter(event=event, status__in=ACTIVE_MEETING_STATUSES).values_list(
            "chapter_id", flat=True
        )
    )
    leaders = Membership.objects.filter(
        chapter_id__in=chapter_ids, role__in=LEADER_ROLES
    ).select_related("user")
    rows = []
    for membership in leaders:
        for day in schedule.leader_digest_days(event):
            send_after = schedule.local_moment(event, day, rules.leader_digest_at)
            if send_after <= now:
                continue
            rows.append(
                _row(
                    "leader_digest",
                    f"leader_digest:{event.pk}:{membership.chapter_id}:{membership.user_id}:{day}",
                    membership.user.email,
                    send_after,
                    {
                        "event_id": event.pk,
                        "chapter_id": membership.chapter_id,
                        "user_id": membership.user_id,
                        "day": day.isoformat(),
                    },
                    essential=False,
                )
            )
    return rows


def _report_rows(meeting: Meeting, rules, now) -> list[dict]:
    rows = []
    for number, send_after in enumerate(schedule.report_requests_at(meeting.ends_at, rules)):
        if number and send_after <= now:
            continue  # a nudge whose time passed is not sent late
        rows.append(
            _row(
                "report_request",
                f"report_request:{meeting.pk}:{number}",
                meeting.lead.email,
                max(send_after, now),
                {
                    "event_id": meeting.event_id,
                    "meeting_id": meeting.pk,
                    "user_id": meeting.lead_id,
                    "number": number,
                },
            )
        )
    return rows


def report_requests_plan(*, meeting: Meeting, now: datetime.datetime | None = None) -> int:
    """A held meeting: ask its lead for the report, then nudge twice at most."""
    if meeting.lead_id is None or meeting.status != MeetingStatus.HELD:
        return 0
    now = now or timezone.now()
    rules = schedule.settings_for(meeting.event)
    return outbox.emails_queue_many(emails=_report_rows(meeting, rules, now))


def meeting_moved_replan(*, meeting: Meeting) -> int:
    """The meeting moved: its before-meeting reminders move with it."""
    rules = schedule.settings_for(meeting.event)
    send_after = schedule.before_meeting_at(meeting.starts_at, rules)
    moved = 0
    with transaction.atomic():
        for user_id in Seat.objects.filter(meeting=meeting, status__in=LIVE_SEATS).values_list(
            "user_id", flat=True
        ):
            moved += outbox.email_reschedule(
                key=f"followup.before_meeting:{meeting.pk}:{user_id}", send_after=send_after
            )
    return moved


def event_replan(*, event: Event, now: datetime.datetime | None = None) -> int:
    """Staff changed the reminder times: queued reminders of the event take the new times."""
    now = now or timezone.now()
    rules = schedule.settings_for(event)
    starts = dict(Meeting.objects.filter(event=event).values_list("pk", "starts_at"))
    when = {
        "followup.day_before": lambda c: schedule.day_before_at(event, rules),
        "followup.morning_of": lambda c: schedule.morning_of_at(event, rules),
        "followup.feedback": lambda c: schedule.feedback_at(event, rules),
        "followup.before_meeting": lambda c: schedule.before_meeting_at(
            starts[c["meeting_id"]], rules
        ),
        "followup.leader_digest": lambda c: schedule.local_moment(
            event, datetime.date.fromisoformat(c["day"]), rules.leader_digest_at
        ),
    }
    from outbox.models import Email, EmailState

    changed = 0
    with transaction.atomic():
        rows = Email.objects.select_for_update().filter(
            topic=f"event:{event.pk}", state=EmailState.QUEUED, kind__in=list(when)
        )
        for email in rows:
            send_after = when[email.kind](email.context)
            if send_after != email.send_after:
                outbox.email_reschedule(key=email.key, send_after=max(send_after, now))
                changed += 1
    return changed

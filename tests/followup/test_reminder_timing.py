"""Each reminder's time, frozen clocks, across the start of daylight saving time."""

import datetime

import time_machine
from django.core import mail

from followup import planning, schedule
from meetings.seats import seat_take
from outbox import services as outbox
from outbox.models import Email, EmailState
from tests.factories import EventFactory
from tests.followup.conftest import DST_SUNDAY, at

UTC = datetime.UTC


def utc(*parts) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=UTC)


def _send_after(kind: str) -> dict[str, datetime.datetime]:
    return {e.key: e.send_after for e in Email.objects.filter(kind=f"followup.{kind}")}


def test_day_before_is_five_pm_local_on_the_dst_sunday(dst_event):
    rules = schedule.settings_for(dst_event)
    # Sunday March 9 is already on daylight time: 17:00 EDT is 21:00 UTC (not 22:00).
    assert schedule.day_before_at(dst_event, rules) == utc(2025, 3, 9, 21)
    assert schedule.morning_of_at(dst_event, rules) == utc(2025, 3, 10, 11)


def test_day_before_on_the_saturday_before_dst_is_still_standard_time(db):
    event = EventFactory(date=DST_SUNDAY, time_zone="America/New_York")
    rules = schedule.settings_for(event)
    assert schedule.day_before_at(event, rules) == datetime.datetime(2025, 3, 8, 22, tzinfo=UTC)
    # The morning of the DST Sunday: 7:00 EDT, one hour less after midnight than the day before.
    assert schedule.morning_of_at(event, rules) == datetime.datetime(2025, 3, 9, 11, tzinfo=UTC)


def test_before_meeting_counts_real_minutes_across_the_missing_hour(db):
    event = EventFactory(date=DST_SUNDAY, time_zone="America/New_York")
    rules = schedule.settings_for(event)
    starts = at(DST_SUNDAY, 3, 15)  # 3:15 EDT, 45 minutes after 1:59:59 EST's next second
    assert schedule.before_meeting_at(starts, rules) == datetime.datetime(
        2025, 3, 9, 6, 45, tzinfo=UTC
    )  # 1:45 EST


def test_report_requests_one_hour_after_then_two_daily_nudges(dst_meeting):
    rules = schedule.settings_for(dst_meeting.event)
    times = schedule.report_requests_at(dst_meeting.ends_at, rules)
    assert [t.astimezone(UTC) for t in times] == [
        datetime.datetime(2025, 3, 10, 15, 20, tzinfo=UTC),
        datetime.datetime(2025, 3, 11, 15, 20, tzinfo=UTC),
        datetime.datetime(2025, 3, 12, 15, 20, tzinfo=UTC),
    ]


def test_sign_up_plans_the_reminders_at_their_local_times(dst_meeting, member, commits):
    with (
        time_machine.travel(at(DST_SUNDAY, 8) - datetime.timedelta(days=20), tick=False),
        commits(),
    ):
        seat = seat_take(meeting_id=dst_meeting.pk, user=member)
    event = dst_meeting.event
    assert _send_after("day_before") == {
        f"followup.day_before:{event.pk}:{member.pk}": at(DST_SUNDAY, 17)
    }
    assert list(_send_after("morning_of").values()) == [at(event.date, 7)]
    assert list(_send_after("before_meeting").values()) == [at(event.date, 9, 30)]
    assert Email.objects.get(kind="followup.signed_up", to=member.email).state == EmailState.SENT
    assert seat.status == "confirmed"


def test_day_before_goes_at_its_minute_not_before(dst_meeting, member, commits):
    with (
        time_machine.travel(at(DST_SUNDAY, 8) - datetime.timedelta(days=20), tick=False),
        commits(),
    ):
        seat_take(meeting_id=dst_meeting.pk, user=member)
    mail.outbox.clear()
    with time_machine.travel(at(DST_SUNDAY, 16, 59), tick=False):
        assert outbox.emails_dispatch_due() == 0
    with time_machine.travel(at(DST_SUNDAY, 17, 0), tick=False), commits():
        assert outbox.emails_dispatch_due() == 1
    assert [m.subject for m in mail.outbox] == [
        f"Tomorrow: your 1 meeting at {dst_meeting.event.name}, please confirm"
    ]
    assert "I cannot come (frees the seat): http" in mail.outbox[0].body


def test_moving_a_meeting_moves_its_reminder(dst_meeting, member, leader, commits):
    from meetings.services import meeting_update

    with time_machine.travel(at(DST_SUNDAY, 8) - datetime.timedelta(days=20), tick=False):
        with commits():
            seat_take(meeting_id=dst_meeting.pk, user=member)
        mail.outbox.clear()
        with commits():
            meeting_update(
                meeting=dst_meeting,
                by=leader,
                starts_at=at(dst_meeting.event.date, 14),
                ends_at=at(dst_meeting.event.date, 14, 20),
            )
    assert list(_send_after("before_meeting").values()) == [at(dst_meeting.event.date, 13, 30)]
    [notice] = mail.outbox
    assert notice.subject.startswith("Changed: meeting with")
    assert notice.attachments[0][0] == "meeting.ics"


def test_planning_twice_adds_nothing(dst_meeting, member, leader, commits):
    with time_machine.travel(at(DST_SUNDAY, 8) - datetime.timedelta(days=6), tick=False):
        with commits():
            seat_take(meeting_id=dst_meeting.pk, user=member)
        before = Email.objects.count()
        planning.reminders_plan_for_event(event=dst_meeting.event)
        planning.reminders_plan_for_event(event=dst_meeting.event)
    digests = Email.objects.filter(kind="followup.leader_digest").count()
    assert digests == 7  # the chapter's chair, at 9:00 on each of the seven days before
    assert Email.objects.count() == before + digests


def test_changed_reminder_times_move_queued_rows(dst_meeting, member, commits):
    from followup.services import reminder_settings_save

    with (
        time_machine.travel(at(DST_SUNDAY, 8) - datetime.timedelta(days=20), tick=False),
        commits(),
    ):
        seat_take(meeting_id=dst_meeting.pk, user=member)
        reminder_settings_save(
            event=dst_meeting.event, day_before_at=datetime.time(18, 30), minutes_before_meeting=45
        )
    assert list(_send_after("day_before").values()) == [at(DST_SUNDAY, 18, 30)]
    assert list(_send_after("before_meeting").values()) == [at(dst_meeting.event.date, 9, 15)]
    assert not Email.objects.filter(send_after__lt=at(DST_SUNDAY, 0), kind="followup.day_before")

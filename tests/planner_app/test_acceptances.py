"""Accepting in the worker: queued once, carried out all or nothing, swept when its worker died,
and each person whose day changed hears once, with their whole day."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from meetings.models import Meeting, Seat, SeatStatus
from outbox.models import Email
from planner import tasks
from planner.acceptances import (
    STUCK_MESSAGE,
    acceptance_execute,
    acceptance_queue,
    acceptances_sweep_stuck,
    outcome_text,
)
from planner.accepting import CHANGED_SINCE, plan_accept
from planner.errors import PlanError
from planner.models import PlanAcceptance, ProposedMeeting, RunStatus
from tests.factories import at
from tests.meetings.factories import MeetingFactory
from tests.planner_app.conftest import participant, register
from tests.planner_app.test_runs_and_accepting import make_plan


def test_the_queued_task_makes_the_meetings_and_says_what_it_did(
    event, team, delegation, staff, django_capture_on_commit_callbacks
):
    run = make_plan(event, staff)
    with django_capture_on_commit_callbacks(execute=True):
        acceptance = acceptance_queue(run=run, by=staff)
    acceptance.refresh_from_db()

    assert acceptance.status == RunStatus.DONE
    assert (acceptance.meetings, acceptance.created, acceptance.changed) == (3, 3, 0)
    assert acceptance.people == len(team)
    assert Meeting.objects.filter(event=event).count() == 3
    assert outcome_text(acceptance) == (
        f"Accepted: 3 meetings requested. They are on the schedule boards; "
        f"{len(team)} people were sent their new day."
    )


def test_a_second_acceptance_while_one_waits_is_refused(event, team, delegation, staff):
    run = make_plan(event, staff)
    waiting = acceptance_queue(run=run, by=staff)  # no worker has taken it yet

    with pytest.raises(PlanError, match="being accepted already"):
        acceptance_queue(run=run, by=staff)

    assert list(PlanAcceptance.objects.values_list("pk", flat=True)) == [waiting.pk]
    assert outcome_text(waiting) == "Accepting 3 meetings: the meetings and seats are being made."


def test_what_can_be_refused_at_once_is_refused_before_queueing(event, team, delegation, staff):
    run = make_plan(event, staff)
    plan_accept(run=run, by=staff)

    with pytest.raises(PlanError, match="already accepted"):
        acceptance_queue(run=run, by=staff)

    assert not PlanAcceptance.objects.exists()


def test_a_day_that_changed_while_waiting_is_refused_by_the_worker_and_nothing_is_made(
    event, chapter, team, delegation, staff
):
    run = make_plan(event, staff)
    acceptance = acceptance_queue(run=run, by=staff)
    register(event, participant(chapter))  # the day changes before a worker takes it

    acceptance_execute(acceptance_id=acceptance.pk)

    acceptance.refresh_from_db()
    assert (acceptance.status, acceptance.error) == (RunStatus.FAILED, CHANGED_SINCE)
    assert outcome_text(acceptance) == f"Not accepted: {CHANGED_SINCE}"
    assert not Meeting.objects.exists()
    assert not ProposedMeeting.objects.filter(run=run, accepted=True).exists()


def test_an_acceptance_is_carried_out_once(event, team, delegation, staff):
    run = make_plan(event, staff)
    acceptance = acceptance_queue(run=run, by=staff)
    acceptance_execute(acceptance_id=acceptance.pk)
    acceptance_execute(acceptance_id=acceptance.pk)  # the broker delivered it twice
    assert Meeting.objects.count() == 3


def test_the_sweep_fails_acceptances_whose_worker_died(event, team, delegation, staff, settings):
    settings.PLANNER_RUN_STUCK_SECONDS = 900
    run = make_plan(event, staff)
    now = timezone.now()
    long_ago = now - datetime.timedelta(seconds=901)

    def acceptance(**values):
        return PlanAcceptance.objects.create(run=run, requested_by=staff, **values)

    stuck = acceptance(status=RunStatus.RUNNING, created_at=long_ago, started_at=long_ago)
    lost = acceptance(status=RunStatus.QUEUED, created_at=long_ago)
    slow_queue = acceptance(
        status=RunStatus.RUNNING,
        created_at=long_ago,
        started_at=now - datetime.timedelta(minutes=2),
    )
    waiting = acceptance(status=RunStatus.QUEUED, created_at=now)

    # One beat task sweeps plans and acceptances.
    assert tasks.sweep_stuck_runs.delay().get() == 2

    states = dict(PlanAcceptance.objects.values_list("pk", "status"))
    assert states[stuck.pk] == states[lost.pk] == RunStatus.FAILED
    assert states[slow_queue.pk] == RunStatus.RUNNING
    assert states[waiting.pk] == RunStatus.QUEUED
    assert PlanAcceptance.objects.get(pk=stuck.pk).error == STUCK_MESSAGE
    assert acceptances_sweep_stuck() == 0


def test_each_person_hears_once_with_their_whole_day_and_their_reminders_are_planned(
    event, team, delegation, staff, django_capture_on_commit_callbacks
):
    run = make_plan(event, staff)
    with django_capture_on_commit_callbacks(execute=True):
        plan_accept(run=run, by=staff)

    # No notice per seat: one email per person, with a calendar file of all their meetings.
    assert not Email.objects.filter(kind="followup.signed_up").exists()
    notices = Email.objects.filter(kind="followup.day_changed")
    assert sorted(notices.values_list("to", flat=True)) == sorted(p.email for p in team)
    for person in team:
        notice = notices.get(to=person.email)
        (attachment,) = notice.attachments
        entries = icalendar.Calendar.from_ical(attachment["content"]).walk("VEVENT")
        seats = Seat.objects.filter(user=person, status=SeatStatus.CONFIRMED)
        programme = {f"programme-{item.pk}" for item in event.programme_items.all()}
        assert {str(entry["uid"]).split("@")[0] for entry in entries} == {
            f"meeting-{seat.meeting_id}" for seat in seats
        } | programme
        reminders = Email.objects.filter(kind="followup.before_meeting", to=person.email)
        assert reminders.count() == seats.count()


def test_the_day_changed_email_lists_the_day_when_it_goes(
    event, team, delegation, staff, django_capture_on_commit_callbacks
):
    from outbox.sending import message_for

    run = make_plan(event, staff)
    with django_capture_on_commit_callbacks(execute=True):
        plan_accept(run=run, by=staff)
    person = team[0]
    seats = Seat.objects.filter(user=person, status=SeatStatus.CONFIRMED).select_related(
        "meeting__lawmaker"
    )

    message = message_for(Email.objects.get(kind="followup.day_changed", to=person.email))

    count = seats.count()
    assert message.subject.startswith(f"Your day at {event.name}: {count} meeting")
    for seat in seats:
        assert seat.meeting.lawmaker.full_name in message.body
    assert "attached calendar file" in message.body


def test_people_of_a_meeting_that_was_there_hear_once_at_most(
    event, chapter, team, delegation, staff, django_capture_on_commit_callbacks
):
    """A meeting that was there stays or moves: nobody gets a per-meeting notice on top."""
    senator = delegation[0]
    meeting = MeetingFactory(
        event=event, chapter=chapter, lawmaker=senator, starts_at=at(event, 9)
    )
    Seat.objects.create(meeting=meeting, user=team[0], status=SeatStatus.CONFIRMED)
    Meeting.objects.filter(pk=meeting.pk).update(seats_taken=1)
    run = make_plan(event, staff)
    with django_capture_on_commit_callbacks(execute=True):
        plan_accept(run=run, by=staff)

    assert not Email.objects.filter(kind="followup.meeting_changed").exists()
    counts = {
        person.email: Email.objects.filter(kind="followup.day_changed", to=person.email).count()
        for person in team
    }
    assert set(counts.values()) <= {0, 1}

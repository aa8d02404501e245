"""A plan made by the real solver, accepted through the scheduling services, and re-made."""

import pytest

from meetings.models import Meeting, MeetingChange, MeetingStatus, Seat, SeatStatus
from planner.accepting import CHANGED_SINCE, plan_accept
from planner.errors import PlanError
from planner.inputs import plan_inputs
from planner.models import PlanRun, ProposedMeeting, RunStatus
from planner.problem import Outcome
from planner.runs import run_create, run_execute, verdict
from planner.summary import itinerary_changes, summarise
from tests.factories import at
from tests.meetings.factories import MeetingFactory
from tests.planner_app.conftest import participant, register


def make_plan(event, by, chapter=None, capture=None) -> PlanRun:
    run = PlanRun.objects.create(
        event=event, chapter=chapter, requested_by=by, time_limit_seconds=10
    )
    run_execute(run_id=run.pk)
    run.refresh_from_db()
    return run


def test_run_create_queues_a_task_that_makes_the_draft(
    event, team, delegation, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run = run_create(event=event, chapter=None, by=staff, time_limit_seconds=10)
    run.refresh_from_db()
    assert (run.status, run.outcome, run.progress) == (RunStatus.DONE, Outcome.OPTIMAL, 100)
    assert run.message == "Optimal: no better plan exists under these rules."
    rows = list(ProposedMeeting.objects.filter(run=run))
    assert {row.lawmaker_id for row in rows} == {lawmaker.pk for lawmaker in delegation}
    assert all(set(row.people) <= {p.pk for p in team} and row.lead_id for row in rows)
    assert run.fingerprint == plan_inputs(event=event).fingerprint


def test_run_with_nobody_registered_is_refused(event, delegation, staff):
    with pytest.raises(PlanError, match="Nobody is registered"):
        run_create(event=event, chapter=None, by=staff)
    assert not PlanRun.objects.exists()


def test_run_with_a_time_limit_out_of_bounds_is_refused(event, team, staff):
    with pytest.raises(PlanError, match="between 1 and"):
        run_create(event=event, chapter=None, by=staff, time_limit_seconds=100_000)


def test_summary_counts_what_the_draft_achieves(event, team, delegation, staff):
    run = make_plan(event, staff)
    inputs = plan_inputs(event=event)
    rows = list(ProposedMeeting.objects.filter(run=run).select_related("lawmaker"))
    summary = summarise(run, inputs, rows)
    assert [(c.label, c.planned, c.total) for c in summary.by_priority] == [
        ("Must", 0, 0),
        ("Should", 3, 3),
        ("Nice to have", 0, 0),
    ]
    assert (summary.with_constituent, summary.constituent_possible) == (3, 3)
    assert (summary.first_timers, summary.first_timers_accompanied) == (1, 1)
    assert summary.per_person_min >= 1
    assert summary.offices_left_out == []
    assert len(itinerary_changes(inputs, rows)) == 3


def test_accept_creates_requested_meetings_with_seats_through_the_services(
    event, team, delegation, staff
):
    run = make_plan(event, staff)
    accepted = plan_accept(run=run, by=staff)
    assert (accepted.created, accepted.changed, accepted.cancelled) == (3, 0, 0)
    meetings = list(Meeting.objects.filter(event=event))
    assert len(meetings) == 3
    assert {m.status for m in meetings} == {MeetingStatus.REQUESTED}
    for row in ProposedMeeting.objects.filter(run=run):
        assert row.accepted
        seated = set(
            Seat.objects.filter(meeting=row.meeting, status=SeatStatus.CONFIRMED).values_list(
                "user_id", flat=True
            )
        )
        assert seated == set(row.people)
        assert row.meeting.lead_id == row.lead_id
        assert row.meeting.starts_at == row.starts_at
    # Made by the scheduling service: its change log says so.
    assert MeetingChange.objects.filter(summary="Meeting created").count() == 3


def test_accept_twice_is_refused(event, team, delegation, staff):
    run = make_plan(event, staff)
    plan_accept(run=run, by=staff)
    with pytest.raises(PlanError, match="already accepted"):
        plan_accept(run=run, by=staff)
    assert Meeting.objects.count() == 3


def test_accept_after_the_data_changed_is_refused(event, chapter, team, delegation, staff):
    run = make_plan(event, staff)
    register(event, participant(chapter))
    with pytest.raises(PlanError) as refused:
        plan_accept(run=run, by=staff)
    assert str(refused.value) == CHANGED_SINCE
    assert not Meeting.objects.exists()


def test_accept_in_parts_one_meeting_then_the_rest(event, team, delegation, staff):
    run = make_plan(event, staff)
    first, *rest = ProposedMeeting.objects.filter(run=run)
    plan_accept(run=run, by=staff, proposed_ids=[first.pk])
    assert Meeting.objects.count() == 1
    # What was just accepted does not count as "the data changed".
    plan_accept(run=run, by=staff, proposed_ids=[row.pk for row in rest])
    assert Meeting.objects.count() == 3


def test_accept_is_all_or_nothing(event, team, delegation, staff):
    run = make_plan(event, staff)
    last = ProposedMeeting.objects.filter(run=run).order_by("starts_at").last()
    # The office cannot meet then: the scheduling service refuses a time outside the day.
    last.starts_at = at(event, 18)
    last.ends_at = at(event, 18, 20)
    last.save()
    with pytest.raises(PlanError, match="nothing was changed"):
        plan_accept(run=run, by=staff)
    assert not Meeting.objects.exists()
    assert not Seat.objects.exists()
    assert not ProposedMeeting.objects.filter(accepted=True).exists()


def test_replan_keeps_accepted_meetings(event, chapter, team, delegation, staff):
    run = make_plan(event, staff)
    plan_accept(run=run, by=staff)
    before = {m.pk: (m.starts_at, m.lawmaker_id) for m in Meeting.objects.all()}
    newcomer = participant(chapter, first_name="Di")
    register(event, newcomer)
    again = make_plan(event, staff)
    rows = list(ProposedMeeting.objects.filter(run=again).select_related("lawmaker"))
    kept = {row.meeting_id: (row.starts_at, row.lawmaker_id) for row in rows if row.meeting_id}
    assert kept == before
    changes = itinerary_changes(plan_inputs(event=event), rows)
    assert {change.person for change in changes} <= {newcomer}
    plan_accept(run=again, by=staff)
    assert {m.pk for m in Meeting.objects.all()} == set(before)


def test_contradictory_pins_are_named_and_nothing_can_be_accepted(
    event, chapter, team, delegation, staff
):
    senator, other, _ = delegation
    for lawmaker in (senator, other):
        meeting = MeetingFactory(
            event=event, chapter=chapter, lawmaker=lawmaker, starts_at=at(event, 10), keep=True
        )
        Seat.objects.create(meeting=meeting, user=team[0], status=SeatStatus.CONFIRMED)
    run = make_plan(event, staff)
    assert run.outcome == Outcome.INFEASIBLE
    assert run.conflicts and all(isinstance(text, str) for text in run.conflicts)
    with pytest.raises(PlanError, match="no meetings to accept"):
        plan_accept(run=run, by=staff)


def test_verdict_states_what_was_proved():
    assert verdict(Outcome.OPTIMAL, 0.0, 10).startswith("Optimal")
    assert verdict(Outcome.FEASIBLE, 0.031, 10).startswith(
        "The best plan found in 10 s, within 3% of the best possible."
    )
    assert verdict(Outcome.UNKNOWN, None, 5) == (
        "No plan was found within 5 s: try a longer time limit."
    )


def test_chapter_run_plans_the_chapter_only(
    event, chapter, other_chapter, team, delegation, leader
):
    run = make_plan(event, leader, chapter=chapter)
    assert run.status == RunStatus.DONE
    assert set(ProposedMeeting.objects.filter(run=run).values_list("chapter_id", flat=True)) == {
        chapter.pk
    }


def test_accepting_a_chapter_part_keeps_another_chapters_seat_in_our_meeting(
    event, chapter, other_chapter, team, delegation, leader
):
    ours = MeetingFactory(event=event, chapter=chapter, lawmaker=delegation[0], seats=6)
    guest = participant(other_chapter, state="TN", zip_code="")
    register(event, guest)
    Seat.objects.create(meeting=ours, user=guest, status=SeatStatus.CONFIRMED)
    Meeting.objects.filter(pk=ours.pk).update(seats_taken=1)
    run = make_plan(event, leader, chapter=chapter)
    assert ProposedMeeting.objects.filter(run=run, meeting=ours).exists()
    plan_accept(run=run, by=leader, chapter=chapter)
    assert Seat.objects.get(meeting=ours, user=guest).status == SeatStatus.CONFIRMED

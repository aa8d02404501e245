"""A plan whose worker died: the sweep marks it failed, and the page offers to plan again."""

import datetime

from django.utils import timezone

from planner import runs, tasks
from planner.models import PlanRun, RunStatus
from planner.runs import NEVER_STARTED_MESSAGE, STUCK_MESSAGE, run_create, runs_sweep_stuck


def _run(event, staff, **values):
    return PlanRun.objects.create(
        event=event, chapter=None, requested_by=staff, time_limit_seconds=10, **values
    )


def test_sweep_marks_runs_running_too_long_failed_with_a_message(event, staff, settings):
    settings.PLANNER_RUN_STUCK_SECONDS = 900
    now = timezone.now()
    long_ago = now - datetime.timedelta(seconds=901)
    stuck = _run(event, staff, status=RunStatus.RUNNING, started_at=long_ago, created_at=long_ago)
    lost = _run(event, staff, status=RunStatus.QUEUED, created_at=long_ago)
    busy = _run(
        event,
        staff,
        status=RunStatus.RUNNING,
        created_at=long_ago,  # waited long in the queue, but its worker started it just now
        started_at=now - datetime.timedelta(minutes=2),
    )
    waiting = _run(event, staff, status=RunStatus.QUEUED, created_at=now)
    done = _run(event, staff, status=RunStatus.DONE, started_at=long_ago, created_at=long_ago)

    assert tasks.sweep_stuck_runs.delay().get() == 2

    states = {
        run.pk: (run.status, run.error, run.finished_at is not None)
        for run in PlanRun.objects.filter(pk__in=[stuck.pk, lost.pk, busy.pk, waiting.pk, done.pk])
    }
    assert states == {
        stuck.pk: (RunStatus.FAILED, STUCK_MESSAGE, True),
        lost.pk: (RunStatus.FAILED, NEVER_STARTED_MESSAGE, True),
        busy.pk: (RunStatus.RUNNING, "", False),
        waiting.pk: (RunStatus.QUEUED, "", False),
        done.pk: (RunStatus.DONE, "", False),
    }
    assert runs_sweep_stuck() == 0


def test_a_stuck_run_no_longer_blocks_a_new_plan(
    event, team, delegation, staff, django_capture_on_commit_callbacks
):
    _run(event, staff, status=RunStatus.RUNNING, started_at=timezone.now())
    runs_sweep_stuck(now=timezone.now() + datetime.timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):
        run = run_create(event=event, chapter=None, by=staff, time_limit_seconds=10)

    run.refresh_from_db()
    assert run.status == RunStatus.DONE


def test_swept_run_page_says_the_worker_stopped_and_offers_to_plan_again(
    client, event, team, delegation, staff
):
    _run(event, staff, status=RunStatus.RUNNING, started_at=timezone.now())
    runs_sweep_stuck(now=timezone.now() + datetime.timedelta(days=1))
    client.force_login(staff)

    page = client.get(f"/planner/events/{event.slug}/").content.decode()

    assert "The plan could not be made: " + STUCK_MESSAGE in page
    assert "Plan again</button>" in page
    assert "data-status-url" not in page  # nothing polls a finished run


def test_worker_finishing_after_the_sweep_leaves_the_run_failed(
    event, team, delegation, staff, monkeypatch
):
    run = _run(event, staff)

    def swept_while_checking(problem, plan, event):
        # The worker was slow: the sweep gave up on the run before it wrote its end.
        runs_sweep_stuck(now=timezone.now() + datetime.timedelta(days=1))
        return []

    monkeypatch.setattr(runs, "check", swept_while_checking)
    runs.run_execute(run_id=run.pk)

    run.refresh_from_db()
    assert (run.status, run.error, run.proposed.count()) == (RunStatus.FAILED, STUCK_MESSAGE, 0)


def test_a_run_records_when_its_worker_started(event, team, delegation, staff):
    run = _run(event, staff)
    tasks.run_plan.delay(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    assert run.started_at is not None


def test_beat_runs_the_plan_sweep(settings):
    entries = {entry["task"]: entry for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert entries["planner.tasks.sweep_stuck_runs"]["schedule"] == 60

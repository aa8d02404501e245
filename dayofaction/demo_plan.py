"""The demo's plan: the national day solved and accepted through the planner's own services.

The same path staff take on the "Plan the day" page: `runs.run_create` queues
the planner's task, the task solves and checks the draft, `plan_accept` turns
it into ordinary meetings with seats through the meetings services (so the
notices, calendars and reminders follow). The demo's worker is not running
yet while the data loads, so the task runs here, in this process, with the
configured solver threads (DAYOFACTION_PLANNER_WORKERS, one by default) and a
short time limit; the seed is the planner's fixed one.
Meetings that exist (the hand-made demo meetings) take part as in any plan:
confirmed ones are pins and stay exactly as they are.
"""

import contextlib

from dayofaction.celery import app as celery_app
from events.models import Event
from members.models import User
from planner import runs
from planner.accepting import Accepted, plan_accept
from planner.errors import PlanError
from planner.models import PlanRun, ProposedMeeting, RunStatus
from planner.problem import Outcome

DEMO_TIME_LIMIT_SECONDS = 6
# A busy machine may leave part of the day unsolved in that time: plan again once with
# longer, as staff would when the page says "a longer time limit may find a better one".
DEMO_RETRY_TIME_LIMIT_SECONDS = 20


@contextlib.contextmanager
def _tasks_in_this_process():
    """Run queued tasks at once, here (no worker yet); the setting is put back after."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = before


def demo_plan_accepted(*, event: Event) -> PlanRun | None:
    """The whole-event run of the demo whose draft was accepted, if there is one."""
    accepted = ProposedMeeting.objects.filter(run__event=event, run__chapter=None, accepted=True)
    run_id = accepted.values_list("run_id", flat=True).first()
    return PlanRun.objects.filter(pk=run_id).first() if run_id else None


def _part_left_unsolved(run: PlanRun) -> bool:
    """The solver's clock ran out before some part of the day had any plan (gap 1)."""
    return run.status == RunStatus.DONE and run.outcome != Outcome.OPTIMAL and run.gap == 1.0


def demo_plan_create(*, event: Event, by: User) -> tuple[PlanRun | None, Accepted | None, str]:
    """Plan the whole day and accept the plan, once; returns the run, what was accepted, why not.

    Safe to run again: a demo whose plan was accepted keeps it.
    """
    done = demo_plan_accepted(event=event)
    if done is not None:
        return done, None, ""
    for limit in (DEMO_TIME_LIMIT_SECONDS, DEMO_RETRY_TIME_LIMIT_SECONDS):
        try:
            with _tasks_in_this_process():
                run = runs.run_create(event=event, chapter=None, by=by, time_limit_seconds=limit)
        except PlanError as error:
            return None, None, str(error)
        run.refresh_from_db()
        if not _part_left_unsolved(run):
            break
    if run.status != RunStatus.DONE:
        return run, None, run.error or run.message
    try:
        accepted = plan_accept(run=run, by=by)
    except PlanError as error:
        return run, None, str(error)
    return run, accepted, ""

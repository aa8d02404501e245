"""Plan runs: queue one, let a worker solve it with progress, keep the draft it proposes."""

import datetime
import logging
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from chapters.models import Chapter
from events.models import Event
from members.models import User
from planner import solver
from planner.checker import check
from planner.errors import PlanError
from planner.inputs import PlanInputs, owning_chapter, plan_inputs
from planner.models import PlanRun, ProposedMeeting, RunStatus
from planner.problem import Outcome, Plan

PROGRESS_EVERY_SECONDS = 0.5
STUCK_MESSAGE = (
    "The worker making this plan stopped (restarted or out of memory) before it finished: "
    "plan again."
)
NEVER_STARTED_MESSAGE = "No worker took this plan (the task queue lost it): plan again."

logger = logging.getLogger(__name__)


def inputs_problem(inputs: PlanInputs) -> str | None:
    """Why there is nothing to plan, or None."""
    if not inputs.problem.participants:
        if inputs.unplaceable:
            return (
                "Nobody can be placed yet: every registered participant lacks a district. "
                "Ask them to add their ZIP code."
            )
        return "Nobody is registered yet: there is no one to plan for."
    if not inputs.problem.offices:
        return "There are no offices to meet: add target offices first."
    return None


def run_create(
    *, event: Event, chapter: Chapter | None, by: User, time_limit_seconds: int | None = None
) -> PlanRun:
    """Queue a run after checking there is something to plan; a worker solves it."""
    from planner.tasks import run_plan  # the task module imports this one

    limit = time_limit_seconds or settings.PLANNER_TIME_LIMIT_SECONDS
    if not 1 <= limit <= settings.PLANNER_MAX_TIME_LIMIT_SECONDS:
        raise PlanError(
            f"Give the solver between 1 and {settings.PLANNER_MAX_TIME_LIMIT_SECONDS} seconds."
        )
    inputs = plan_inputs(event=event, chapter=chapter)
    problem = inputs_problem(inputs)
    if problem:
        raise PlanError(problem)
    with transaction.atomic():
        busy = PlanRun.objects.filter(
            event=event, chapter=chapter, status__in=(RunStatus.QUEUED, RunStatus.RUNNING)
        ).exists()
        if busy:
            raise PlanError("A plan is already being made for this scope: wait for it.")
        run = PlanRun.objects.create(
            event=event,
            chapter=chapter,
            requested_by=by,
            time_limit_seconds=limit,
            message="Waiting for a worker",
        )
        transaction.on_commit(lambda: run_plan.delay(run_id=run.pk))
    return run


def _progress(run: PlanRun):
    last = [0.0]

    def report(share: float, message: str) -> None:
        now = time.monotonic()
        if now - last[0] < PROGRESS_EVERY_SECONDS and share < 1:
            return
        last[0] = now
        PlanRun.objects.filter(pk=run.pk).update(
            progress=max(0, min(99, round(100 * share))), message=message[:200]
        )

    return report


def _proposed(run: PlanRun, inputs: PlanInputs, plan: Plan) -> list[ProposedMeeting]:
    pinned = {pin.meeting for pin in inputs.problem.pins}
    rows = []
    for planned in plan.meetings:
        existing = inputs.meetings.get(planned.meeting) if planned.meeting else None
        chapter_id = (
            existing.chapter_id
            if existing is not None
            else owning_chapter(inputs, planned.office, planned.people)
        )
        if chapter_id is None:
            continue  # nobody with a chapter in the team: nothing a leader could own
        rows.append(
            ProposedMeeting(
                run=run,
                lawmaker_id=planned.office,
                chapter_id=chapter_id,
                starts_at=planned.starts_at,
                ends_at=planned.ends_at,
                people=list(planned.people),
                lead_id=planned.lead,
                note_taker_id=planned.note_taker,
                meeting_id=planned.meeting,
                is_pinned=planned.meeting in pinned,
            )
        )
    return rows


def run_execute(*, run_id: int) -> None:
    """Solve a queued run; quiet when the run is gone or no longer queued."""
    with transaction.atomic():
        run = (
            PlanRun.objects.select_for_update(of=("self",))
            .select_related("event", "chapter")
            .filter(pk=run_id, status=RunStatus.QUEUED)
            .first()
        )
        if run is None:
            return
        run.status, run.message = RunStatus.RUNNING, "Reading the day"
        run.started_at = timezone.now()
        run.save(update_fields=["status", "message", "started_at"])
    try:
        inputs = plan_inputs(event=run.event, chapter=run.chapter)
        problem = inputs_problem(inputs)
        if problem:
            raise PlanError(problem)
        plan = solver.solve(
            inputs.problem,
            time_limit_seconds=run.time_limit_seconds,
            seed=settings.PLANNER_SEED,
            workers=settings.PLANNER_WORKERS,
            progress=_progress(run),
        )
        # The independent checker reads the plan as people would live it: a draft that
        # breaks a hard rule is never offered for acceptance.
        found = plan.outcome in (Outcome.OPTIMAL, Outcome.FEASIBLE)
        violations = check(inputs.problem, plan, run.event) if found else []
        if violations:
            shown = "; ".join(violation.message for violation in violations[:5])
            raise PlanError(f"The plan broke {len(violations)} hard rule(s): {shown}.")
        with transaction.atomic():
            still_ours = PlanRun.objects.select_for_update().filter(
                pk=run.pk, status=RunStatus.RUNNING
            )
            if not still_ours.exists():
                return  # swept as stuck meanwhile: its page already says to plan again
            ProposedMeeting.objects.bulk_create(_proposed(run, inputs, plan))
            run.status = RunStatus.DONE
            run.outcome = plan.outcome
            run.gap = plan.gap
            run.seconds = plan.seconds
            run.offices_left_out = {str(k): v for k, v in plan.offices_left_out.items()}
            run.people_left_out = {str(k): v for k, v in plan.people_left_out.items()}
            run.conflicts = list(plan.conflicts)
            run.fingerprint = inputs.fingerprint
            run.progress, run.message = 100, _verdict(run)
            run.finished_at = timezone.now()
            run.save()
    except Exception as error:  # the page must say what went wrong, whatever it was
        PlanRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
            status=RunStatus.FAILED,
            error=str(error)[:2000] or error.__class__.__name__,
            message="The plan could not be made",
            finished_at=timezone.now(),
        )
        if not isinstance(error, PlanError):
            raise


def runs_sweep_stuck(*, now: datetime.datetime | None = None) -> int:
    """Runs running (or waiting) longer than any worker may take are marked failed.

    A worker killed mid-solve never writes its run's end; without the sweep the
    page would say "running" forever and refuse a new plan for that scope.
    Returns how many runs were marked.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.PLANNER_RUN_STUCK_SECONDS)
    failed = {"status": RunStatus.FAILED, "finished_at": now}
    with transaction.atomic():
        stuck = PlanRun.objects.filter(status=RunStatus.RUNNING, started_at__lt=cutoff).update(
            error=STUCK_MESSAGE, message="The plan could not be made", **failed
        )
        lost = PlanRun.objects.filter(status=RunStatus.QUEUED, created_at__lt=cutoff).update(
            error=NEVER_STARTED_MESSAGE, message="The plan could not be made", **failed
        )
    if stuck or lost:
        logger.warning("Plans: %s stuck and %s never started were marked failed", stuck, lost)
    return stuck + lost


def _verdict(run: PlanRun) -> str:
    return verdict(run.outcome, run.gap, run.time_limit_seconds)


def verdict(outcome: str, gap: float | None, limit: int) -> str:
    """What the solver proved, in plain words."""
    if outcome == Outcome.OPTIMAL:
        return "Optimal: no better plan exists under these rules."
    if outcome == Outcome.FEASIBLE:
        share = round(100 * (gap or 0))
        return (
            f"The best plan found in {limit} s, within {share}% of the best possible. "
            "A longer time limit may find a better one."
        )
    if outcome == Outcome.INFEASIBLE:
        return "No plan can meet every hard rule: see the contradictions below."
    return f"No plan was found within {limit} s: try a longer time limit."


def latest_run(*, event: Event, chapter: Chapter | None) -> PlanRun | None:
    return (
        PlanRun.objects.filter(event=event, chapter=chapter)
        .select_related("requested_by")
        .order_by("-created_at", "-pk")
        .first()
    )

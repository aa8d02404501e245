"""Accepting a draft in the background: queue it, let a worker carry it out, say how it went.

The page's "Accept" buttons queue an acceptance; the planner's task runs
`accepting.plan_accept` (one transaction, all or nothing) and records what it
made or why it refused, and the page follows it until it is done.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import pluralize
from django.utils import timezone

from chapters.models import Chapter
from members.models import User
from planner.accepting import plan_accept, plan_accept_check
from planner.errors import PlanError
from planner.models import PlanAcceptance, PlanRun, RunStatus

IN_FLIGHT = (RunStatus.QUEUED, RunStatus.RUNNING)
STUCK_MESSAGE = (
    "The worker accepting this plan stopped before it finished; nothing was changed: accept again."
)

logger = logging.getLogger(__name__)


def acceptance_queue(
    *, run: PlanRun, by: User, chapter: Chapter | None = None, proposed_ids=None
) -> PlanAcceptance:
    """Queue accepting the whole draft, a chapter's part or chosen meetings; a worker does it."""
    from planner.tasks import accept_plan  # the task module imports this one

    count = plan_accept_check(run=run, chapter=chapter, proposed_ids=proposed_ids)
    with transaction.atomic():
        # The run's row is the queue's lock: two clicks cannot queue two acceptances.
        PlanRun.objects.select_for_update().filter(pk=run.pk).first()
        if PlanAcceptance.objects.filter(run=run, status__in=IN_FLIGHT).exists():
            raise PlanError("This plan is being accepted already: wait for it to finish.")
        acceptance = PlanAcceptance.objects.create(
            run=run,
            chapter=chapter,
            proposed_ids=sorted(proposed_ids or []),
            requested_by=by,
            meetings=count,
        )
        transaction.on_commit(lambda: accept_plan.delay(acceptance_id=acceptance.pk))
    return acceptance


def acceptance_execute(*, acceptance_id: int) -> None:
    """Carry out a queued acceptance; quiet when it is gone or no longer queued."""
    with transaction.atomic():
        acceptance = (
            PlanAcceptance.objects.select_for_update(of=("self",))
            .select_related("run", "chapter", "requested_by")
            .filter(pk=acceptance_id, status=RunStatus.QUEUED)
            .first()
        )
        if acceptance is None:
            return
        acceptance.status, acceptance.started_at = RunStatus.RUNNING, timezone.now()
        acceptance.save(update_fields=["status", "started_at"])
    try:
        accepted = plan_accept(
            run=acceptance.run,
            by=acceptance.requested_by,
            chapter=acceptance.chapter,
            proposed_ids=acceptance.proposed_ids or None,
        )
    except Exception as error:  # the page must say what went wrong, whatever it was
        message = str(error) if isinstance(error, PlanError) else ""
        PlanAcceptance.objects.filter(pk=acceptance.pk, status=RunStatus.RUNNING).update(
            status=RunStatus.FAILED,
            error=message or "Something went wrong while accepting; nothing was changed.",
            finished_at=timezone.now(),
        )
        if not isinstance(error, PlanError):
            raise
        return
    PlanAcceptance.objects.filter(pk=acceptance.pk).update(
        status=RunStatus.DONE,
        created=accepted.created,
        changed=accepted.changed,
        cancelled=accepted.cancelled,
        people=accepted.people,
        error="",
        finished_at=timezone.now(),
    )


def acceptances_sweep_stuck(*, now: datetime.datetime | None = None) -> int:
    """Acceptances running (or waiting) longer than any worker may take are marked failed.

    Accepting is one transaction, so a worker that died wrote nothing: accepting
    again is safe. (A worker that was only slow and commits after all marks its
    acceptance done: what it wrote is the truth.) Returns how many were marked.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.PLANNER_RUN_STUCK_SECONDS)
    failed = {"status": RunStatus.FAILED, "error": STUCK_MESSAGE, "finished_at": now}
    with transaction.atomic():
        stuck = PlanAcceptance.objects.filter(
            status=RunStatus.RUNNING, started_at__lt=cutoff
        ).update(**failed)
        stuck += PlanAcceptance.objects.filter(
            status=RunStatus.QUEUED, created_at__lt=cutoff
        ).update(**failed)
    if stuck:
        logger.warning("Plans: %s acceptances stuck were marked failed", stuck)
    return stuck


def latest_acceptance(run: PlanRun | None) -> PlanAcceptance | None:
    if run is None:
        return None
    return (
        PlanAcceptance.objects.filter(run=run)
        .select_related("requested_by", "chapter")
        .order_by("-created_at", "-pk")
        .first()
    )


def outcome_text(acceptance: PlanAcceptance) -> str:
    """ "Accepted: 12 meetings requested, 2 changed; 30 people were sent their new day." """
    if acceptance.status == RunStatus.FAILED:
        return f"Not accepted: {acceptance.error}"
    if acceptance.status != RunStatus.DONE:
        what = f"{acceptance.meetings} meeting{pluralize(acceptance.meetings)}"
        return f"Accepting {what}: the meetings and seats are being made."
    done = f"{acceptance.created} meeting{pluralize(acceptance.created)} requested"
    if acceptance.changed:
        done += f", {acceptance.changed} changed"
    if acceptance.cancelled:
        done += f", {acceptance.cancelled} cancelled"
    people = acceptance.people
    return (
        f"Accepted: {done}. They are on the schedule boards; "
        f"{people} {pluralize(people, 'person,people')} "
        f"{pluralize(people, 'was,were')} sent their new day."
    )

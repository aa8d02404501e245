from celery import shared_task

from planner.acceptances import acceptance_execute, acceptances_sweep_stuck
from planner.runs import run_execute, runs_sweep_stuck


@shared_task(acks_late=True)
def run_plan(*, run_id: int) -> None:
    run_execute(run_id=run_id)


@shared_task(acks_late=True)
def accept_plan(*, acceptance_id: int) -> None:
    acceptance_execute(acceptance_id=acceptance_id)


@shared_task
def sweep_stuck_runs() -> int:
    """Plans and acceptances whose worker died are marked failed."""
    return runs_sweep_stuck() + acceptances_sweep_stuck()

from celery import shared_task

from planner.runs import run_execute, runs_sweep_stuck


@shared_task(acks_late=True)
def run_plan(*, run_id: int) -> None:
    run_execute(run_id=run_id)


@shared_task
def sweep_stuck_runs() -> int:
    return runs_sweep_stuck()

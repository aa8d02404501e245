from celery import shared_task

from planner.runs import run_execute


@shared_task(acks_late=True)
def run_plan(*, run_id: int) -> None:
    run_execute(run_id=run_id)

"""Thin tasks: ids in, a service call."""

from celery import shared_task

from reports.exports.jobs import (
    export_files_delete_expired,
    export_job_run,
    export_jobs_sweep_stuck,
)


@shared_task(acks_late=True)
def run_export(*, job_id: int) -> None:
    export_job_run(job_id=job_id)


@shared_task
def sweep_stuck_exports() -> int:
    return export_jobs_sweep_stuck()


@shared_task
def delete_expired_exports() -> int:
    return export_files_delete_expired()

"""Exports too large for a request: a job row, a worker writing the file, progress as it goes."""

import datetime
import logging
import secrets
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from common.spreadsheets import csv_chunks, write_xlsx
from members.models import User
from reports.exports.columns import KINDS
from reports.exports.scope import filtered_meetings
from reports.models import ExportJob, ExportStatus

logger = logging.getLogger(__name__)


def export_dir() -> Path:
    directory = Path(settings.MEDIA_ROOT) / "exports"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def export_job_create(*, user: User, kind: str, file_format: str, filters: QueryDict) -> ExportJob:
    from reports.tasks import run_export  # tasks import this module

    with transaction.atomic():
        job = ExportJob.objects.create(
            requested_by=user,
            kind=kind,
            file_format=file_format,
            filters={key: filters.getlist(key) for key in filters},
        )
        transaction.on_commit(lambda: run_export.delay(job_id=job.pk))
    return job


def _progress(job: ExportJob):
    def report(rows: int) -> None:
        ExportJob.objects.filter(pk=job.pk).update(rows_done=min(rows, job.rows_total))

    return report


def export_job_run(*, job_id: int) -> None:
    """Write the job's file; quiet when the job is gone or no longer queued."""
    with transaction.atomic():
        job = (
            ExportJob.objects.select_for_update()
            .select_related("requested_by")
            .filter(pk=job_id, status=ExportStatus.QUEUED)
            .first()
        )
        if job is None:
            return
        job.status = ExportStatus.RUNNING
        job.started_at = timezone.now()
        job.save(update_fields=["status", "started_at"])
    filters = QueryDict(mutable=True)
    for key, values in job.filters.items():
        filters.setlist(key, values)
    kind = KINDS[job.kind]
    try:
        name = _write_file(job, kind, filters)
    except Exception as error:
        # The rows' stream is closed by now, and its transaction with it: the mark is
        # written on its own and stays, whatever happens to the task after.
        export_job_fail(job_id=job.pk, error=f"{type(error).__name__}: {error}")
        raise
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportStatus.DONE,
        rows_done=job.rows_total,
        file_name=name,
        finished_at=timezone.now(),
    )


def _write_file(job: ExportJob, kind, filters: QueryDict) -> str:
    """Write the job's rows to a new file under `export_dir()`; returns the file's name."""
    meetings = filtered_meetings(job.requested_by, filters)
    job.rows_total = kind.query(meetings).count()
    job.save(update_fields=["rows_total"])
    name = f"{job.kind}-{job.pk}-{secrets.token_hex(8)}.{job.file_format}"
    path = export_dir() / name
    # The rows stream from a server-side cursor inside a transaction. Should writing
    # fail half-way, `closing` ends that stream (and its transaction) here and now,
    # instead of whenever the abandoned generator is collected.
    try:
        with closing(kind.rows(meetings)) as rows:
            if job.file_format == "xlsx":
                write_xlsx(path, kind.headers, rows, title=kind.key, progress=_progress(job))
            else:
                report, done = _progress(job), 0
                with path.open("w", encoding="utf-8", newline="") as file:
                    for chunk in csv_chunks(kind.headers, rows):
                        file.write(chunk)
                        done += chunk.count("\n")
                        report(done)
    except BaseException:
        path.unlink(missing_ok=True)  # half a file is no export
        raise
    return name


def export_job_fail(*, job_id: int, error: str) -> bool:
    """Mark a job that has not finished as failed, in a transaction of its own."""
    with transaction.atomic():
        updated = ExportJob.objects.filter(
            pk=job_id, status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING]
        ).update(status=ExportStatus.FAILED, error=error[:300], finished_at=timezone.now())
    if updated:
        logger.warning("Export job %s failed: %s", job_id, error)
    return bool(updated)


STUCK_MESSAGE = (
    "The worker writing this file stopped (restarted or out of memory) before it finished."
)
NEVER_STARTED_MESSAGE = "No worker took this export (the task queue lost it)."


def export_jobs_sweep_stuck(*, now: datetime.datetime | None = None) -> int:
    """Jobs running (or waiting) longer than any worker may take are marked failed.

    A worker killed mid-export never writes its job's end; without the sweep the
    page would say "being prepared" forever. Returns how many jobs were marked.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.REPORTS_EXPORT_STUCK_SECONDS)
    with transaction.atomic():
        stuck = ExportJob.objects.filter(
            status=ExportStatus.RUNNING, started_at__lt=cutoff
        ).update(status=ExportStatus.FAILED, error=STUCK_MESSAGE, finished_at=now)
        lost = ExportJob.objects.filter(status=ExportStatus.QUEUED, created_at__lt=cutoff).update(
            status=ExportStatus.FAILED, error=NEVER_STARTED_MESSAGE, finished_at=now
        )
    if stuck or lost:
        logger.warning("Exports: %s stuck and %s never started were marked failed", stuck, lost)
    return stuck + lost


def export_files_delete_expired(*, now: datetime.datetime | None = None) -> int:
    """Delete export files older than the retention period; returns how many files went.

    A finished job keeps its row (the page then says the file expired) and loses
    its file's name. Files no job names (left by a crash) go by their age on disk.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.REPORTS_EXPORT_RETENTION_DAYS)
    directory = export_dir()
    with transaction.atomic():
        expired = list(
            ExportJob.objects.select_for_update(skip_locked=True)
            .filter(status=ExportStatus.DONE, finished_at__lt=cutoff)
            .exclude(file_name="")
            .values_list("pk", "file_name")
        )
        ExportJob.objects.filter(pk__in=[pk for pk, _ in expired]).update(file_name="")
    deleted = 0
    for _, name in expired:
        path = directory / name
        if path.is_file():
            path.unlink()
            deleted += 1
    named = set(ExportJob.objects.exclude(file_name="").values_list("file_name", flat=True))
    for path in directory.iterdir():
        if path.is_file() and path.name not in named and path.stat().st_mtime < cutoff.timestamp():
            path.unlink(missing_ok=True)
            deleted += 1
    if deleted:
        logger.info("Exports: %s files older than the retention period were deleted", deleted)
    return deleted

"""Background export jobs: a failure is recorded and leaves nothing open; the page is honest."""

import datetime
import os

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse
from django.utils import timezone

from dayofaction.celery import discard_connections_left_in_transaction
from reports import tasks
from reports.exports import jobs
from reports.models import ExportJob, ExportStatus


def job_page(job):
    return reverse("reports:export_job", args=[job.pk])


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def fail_half_way(path, headers, rows, **options):
    """A writer that takes one row from the stream, then finds the disk full."""
    next(iter(rows))
    raise OSError(28, "No space left on device")


@pytest.mark.django_db(transaction=True)
def test_export_job_failing_half_way_is_marked_failed_and_leaves_no_transaction(
    staff, meeting, media, monkeypatch
):
    monkeypatch.setattr(jobs, "write_xlsx", fail_half_way)
    job = ExportJob.objects.create(requested_by=staff, kind="meetings", file_format="xlsx")
    with pytest.raises(OSError) as raised:
        jobs.export_job_run(job_id=job.pk)
    # Still holding the traceback, as a worker does while it reports the failure.
    assert raised.value.__traceback__ is not None
    assert not connection.in_atomic_block
    job.refresh_from_db()
    assert (job.status, job.file_name) == (ExportStatus.FAILED, "")
    assert job.error == "OSError: [Errno 28] No space left on device"
    assert job.finished_at is not None
    assert list((media / "exports").iterdir()) == []


@pytest.mark.django_db(transaction=True)
def test_connection_left_in_transaction_is_replaced_by_a_fresh_one():
    abandoned = transaction.atomic()
    abandoned.__enter__()  # a task that never left its transaction
    stale = connections["default"]
    assert discard_connections_left_in_transaction(task_name="test.task") == ["default"]
    fresh = connections["default"]
    assert fresh is not stale
    assert not fresh.in_atomic_block
    assert ExportJob.objects.count() == 0  # the new connection answers
    assert discard_connections_left_in_transaction(task_name="test.task") == []


@pytest.mark.django_db(transaction=True)
def test_connections_outside_transactions_are_kept():
    ExportJob.objects.count()
    kept = connections["default"]
    assert discard_connections_left_in_transaction() == []
    assert connections["default"] is kept


@pytest.mark.parametrize("status", [ExportStatus.QUEUED, ExportStatus.RUNNING])
def test_pending_job_page_says_being_prepared_without_download(client, staff, status):
    job = ExportJob.objects.create(
        requested_by=staff, kind="meetings", file_format="csv", status=status, rows_total=10
    )
    client.force_login(staff)
    page = client.get(job_page(job)).content.decode()
    assert "The file is being prepared" in page
    assert "Download the file" not in page
    assert reverse("reports:export_download", args=[job.pk]) not in page


def test_failed_job_page_says_what_happened_and_what_to_do(client, staff):
    job = ExportJob.objects.create(
        requested_by=staff,
        kind="meetings",
        file_format="csv",
        status=ExportStatus.FAILED,
        error="OSError: [Errno 28] No space left on device",
    )
    client.force_login(staff)
    page = client.get(job_page(job)).content.decode()
    assert "The export failed" in page
    assert "No space left on device" in page
    assert "Export again" in page
    assert "Download the file" not in page
    assert "being prepared" not in page


def test_ready_job_page_offers_the_download(client, staff):
    job = ExportJob.objects.create(
        requested_by=staff,
        kind="meetings",
        file_format="csv",
        status=ExportStatus.DONE,
        rows_total=3,
        rows_done=3,
        file_name="meetings-1-abc.csv",
    )
    client.force_login(staff)
    page = client.get(job_page(job)).content.decode()
    assert "Download the file" in page
    assert reverse("reports:export_download", args=[job.pk]) in page


def _job(staff, **values):
    values = {"kind": "meetings", "file_format": "csv", **values}
    return ExportJob.objects.create(requested_by=staff, **values)


def test_sweep_marks_jobs_running_too_long_failed_with_a_message(staff, settings):
    settings.REPORTS_EXPORT_STUCK_SECONDS = 1800
    now = timezone.now()
    long_ago = now - datetime.timedelta(seconds=1801)
    stuck = _job(staff, status=ExportStatus.RUNNING, started_at=long_ago, created_at=long_ago)
    lost = _job(staff, status=ExportStatus.QUEUED, created_at=long_ago)
    busy = _job(staff, status=ExportStatus.RUNNING, started_at=now - datetime.timedelta(minutes=5))
    waiting = _job(staff, status=ExportStatus.QUEUED, created_at=now)
    done = _job(staff, status=ExportStatus.DONE, started_at=long_ago, created_at=long_ago)

    assert tasks.sweep_stuck_exports.delay().get() == 2

    states = {
        job.pk: (job.status, job.error)
        for job in ExportJob.objects.filter(pk__in=[stuck.pk, lost.pk, busy.pk, waiting.pk])
    }
    assert states == {
        stuck.pk: (ExportStatus.FAILED, jobs.STUCK_MESSAGE),
        lost.pk: (ExportStatus.FAILED, jobs.NEVER_STARTED_MESSAGE),
        busy.pk: (ExportStatus.RUNNING, ""),
        waiting.pk: (ExportStatus.QUEUED, ""),
    }
    done.refresh_from_db()
    assert done.status == ExportStatus.DONE
    assert jobs.export_jobs_sweep_stuck() == 0


def test_swept_job_page_says_the_worker_stopped(client, staff):
    job = _job(staff, status=ExportStatus.RUNNING, started_at=timezone.now())
    jobs.export_jobs_sweep_stuck(now=timezone.now() + datetime.timedelta(days=1))
    client.force_login(staff)
    page = client.get(job_page(job)).content.decode()
    assert "The export failed" in page
    assert "The worker writing this file stopped" in page


def test_export_job_records_when_its_worker_started(staff, meeting, media):
    job = _job(staff)
    jobs.export_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE
    assert job.started_at is not None


def test_beat_runs_the_export_sweep(settings):
    assert {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()} >= {
        "reports.tasks.sweep_stuck_exports"
    }


def _written(staff, media, name, *, finished_at):
    directory = media / "exports"
    directory.mkdir(exist_ok=True)
    (directory / name).write_text("meeting_id\n1\n")
    return _job(
        staff,
        status=ExportStatus.DONE,
        file_name=name,
        rows_total=1,
        rows_done=1,
        finished_at=finished_at,
    )


def test_files_older_than_the_retention_are_deleted_and_jobs_forget_them(staff, media, settings):
    settings.REPORTS_EXPORT_RETENTION_DAYS = 7
    now = timezone.now()
    old = _written(staff, media, "old.csv", finished_at=now - datetime.timedelta(days=8))
    fresh = _written(staff, media, "fresh.csv", finished_at=now - datetime.timedelta(days=6))
    stray = media / "exports" / "left-by-a-crash.csv"
    stray.write_text("half")
    eight_days_ago = (now - datetime.timedelta(days=8)).timestamp()
    os.utime(stray, (eight_days_ago, eight_days_ago))

    assert tasks.delete_expired_exports.delay().get() == 2

    assert sorted(path.name for path in (media / "exports").iterdir()) == ["fresh.csv"]
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, old.file_name, old.is_expired) == (ExportStatus.DONE, "", True)
    assert (fresh.file_name, fresh.is_expired) == ("fresh.csv", False)
    assert jobs.export_files_delete_expired() == 0


def test_download_of_an_expired_file_says_it_expired(client, staff, media, settings):
    settings.REPORTS_EXPORT_RETENTION_DAYS = 7
    job = _written(
        staff, media, "old.csv", finished_at=timezone.now() - datetime.timedelta(days=9)
    )
    jobs.export_files_delete_expired()
    client.force_login(staff)
    response = client.get(reverse("reports:export_download", args=[job.pk]))
    assert response.status_code == 410
    page = response.content.decode()
    assert "This file expired" in page
    assert "deleted 7 days after" in page
    assert "Download the file" not in page
    status = client.get(reverse("reports:export_job_status", args=[job.pk])).json()
    assert status["download_url"] is None


def test_beat_deletes_expired_exports(settings):
    assert {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()} >= {
        "reports.tasks.delete_expired_exports"
    }

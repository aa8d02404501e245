"""Background export jobs: a failure is recorded and leaves nothing open; the page is honest."""

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse

from dayofaction.celery import discard_connections_left_in_transaction
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

"""A task that fails leaves its worker healthy: the next tasks on that worker still work.

A real worker process writes a large export whose file cannot be written (a
full disk, simulated by a file-size limit on the worker: `prlimit --fsize`).
The export fails half-way, while its rows are still streaming from a
server-side cursor inside a transaction. Then the same worker must send an
email to a real SMTP sink, and the job must say it failed.
"""

import datetime
import re
import time
import uuid

import pytest
from django.http import QueryDict

from lawmakers.models import Lawmaker, Level
from meetings.models import Meeting
from outbox.models import Email, EmailState
from outbox.services import email_queue
from reports.exports.jobs import export_job_create
from reports.models import ExportStatus
from tests.e2e import processes
from tests.e2e.mailbox import Mailbox
from tests.e2e.queues import WorkerQueues
from tests.factories import ChapterFactory, EventFactory, StaffFactory

# More rows than one chunk of the CSV writer (2,000): the first chunk is written to the
# file while the rows are still streaming, and that write is the one the limit refuses.
EXPORT_ROWS = 2_100
FILE_LIMIT_BYTES = 96 * 1024
WAIT_SECONDS = 30
EXPORT_ENDED = re.compile(r"reports\.tasks\.run_export\[[^\]]+\] (raised|succeeded)")


def _meetings(count: int) -> None:
    event, chapter = EventFactory(), ChapterFactory()
    lawmakers = Lawmaker.objects.bulk_create(
        Lawmaker(
            public_id=f"H{number:06d}",
            level=Level.FEDERAL,
            chamber="upper",
            state="MN",
            first_name="Pat",
            last_name=f"Office {number}",
            full_name=f"Pat Office {number}",
        )
        for number in range(count)
    )
    starts_at = datetime.datetime.combine(event.date, datetime.time(10), tzinfo=event.zone)
    Meeting.objects.bulk_create(
        Meeting(
            event=event,
            chapter=chapter,
            lawmaker=lawmaker,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(minutes=20),
            notes="Bring the one-pager on visa backlogs and the district's figures.",
        )
        for lawmaker in lawmakers
    )


def _wait_for(condition, *, what: str, worker_log) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"{what} after {WAIT_SECONDS} s. The worker's log:\n{processes.tail(worker_log)}")


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_worker_after_failed_export_still_sends_email(tmp_path, settings):
    staff = StaffFactory()
    _meetings(EXPORT_ROWS)
    queue = f"health-{uuid.uuid4().hex[:8]}"
    queues = WorkerQueues.named(queue)
    sink = worker = None
    try:
        sink, port = processes.start_smtp_sink(
            directory=tmp_path / "mail", log_path=tmp_path / "sink.log"
        )
        worker_log = tmp_path / "worker.log"
        worker = processes.start_celery_worker(
            env=processes.worker_environment(
                settings,
                **queues.environment(),
                EMAIL_URL=f"smtp://127.0.0.1:{port}",
                DAYOFACTION_VAR_DIR=str(tmp_path),
            ),
            log_path=worker_log,
            hostname=queue,
            options=("--pool=solo", queues.option()),
            prefix=("prlimit", f"--fsize={FILE_LIMIT_BYTES}"),
        )
        with queues.receiving_tasks():
            job = export_job_create(
                user=staff, kind="meetings", file_format="csv", filters=QueryDict()
            )
            _wait_for(
                lambda: EXPORT_ENDED.search(worker_log.read_text(errors="replace")),
                what="The export task did not end",
                worker_log=worker_log,
            )
            email = email_queue(
                to="amara@example.org", kind="test.note", key="after-failure", subject="Still here"
            )
            mailbox = Mailbox(port=port, directory=tmp_path / "mail")
            _wait_for(
                lambda: Email.objects.get(pk=email.pk).state == EmailState.SENT,
                what="The email was not sent",
                worker_log=worker_log,
            )

        assert mailbox.wait_for(to="amara@example.org", subject_contains="Still here")
        job.refresh_from_db()
        assert job.status == ExportStatus.FAILED
        assert "File too large" in job.error
        assert job.finished_at is not None
        assert job.file_name == ""
    finally:
        if worker is not None:
            processes.stop(worker)
        if sink is not None:
            processes.stop(sink)
        processes.forget_queue(settings.CELERY_BROKER_URL, queue)

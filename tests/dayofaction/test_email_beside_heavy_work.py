"""A long task on the heavy queue does not hold up email: real workers, a real SMTP sink.

Two worker processes as in production (Procfile): one reads the email and
default queues, the other the heavy queue, each one task at a time. A real
export (`reports.tasks.run_export`, routed to the heavy queue by name) runs
for as long as the test holds a lock on the table it reads: it is marked
running, then waits. Meanwhile a reminder queued through the outbox reaches
the SMTP sink process. The canary sends one more email's task to the heavy
queue by hand: it waits behind the export, as every email would if they
shared its queue, and arrives only once the export has finished.
"""

import re
import time
import uuid

import psycopg2
import pytest
from django.db import connection
from django.http import QueryDict

from outbox.models import Email, EmailState
from outbox.services import email_queue
from outbox.tasks import send_emails
from reports.exports.jobs import export_job_create
from reports.models import ExportJob, ExportStatus
from tests.e2e import processes
from tests.e2e.mailbox import Mailbox
from tests.e2e.queues import WorkerQueues
from tests.factories import StaffFactory

WAIT_SECONDS = 15
# Long enough for a free worker to send an email (well under a second here).
CANARY_WAIT_SECONDS = 2
EXPORT_SUCCEEDED = re.compile(r"reports\.tasks\.run_export\[[^\]]+\] succeeded")


def _wait_for(condition, *, what: str, log_path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(
                f"{what} after {WAIT_SECONDS} s. The worker's log:\n" + processes.tail(log_path)
            )
        time.sleep(0.05)


def _export_status(job: ExportJob) -> str:
    return ExportJob.objects.values_list("status", flat=True).get(pk=job.pk)


def _table_locked(table: str):
    """A connection of its own holding an exclusive lock: every reader of `table` waits."""
    locker = psycopg2.connect(processes.database_url(connection.settings_dict))
    with locker.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
    return locker


@pytest.mark.worker
# Committed for real, for the workers. Serialized: the flush after it leaves the database
# empty, as a later serialized test (test_load_demo) needs, instead of re-creating content
# types under new ids.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_long_task_on_heavy_queue_does_not_hold_up_email(tmp_path, settings):
    staff = StaffFactory()
    prefix = f"split-{uuid.uuid4().hex[:8]}"
    queues = WorkerQueues.named(prefix)
    sink = email_worker = heavy_worker = locker = None
    try:
        sink, port = processes.start_smtp_sink(
            directory=tmp_path / "mail", log_path=tmp_path / "sink.log"
        )
        mailbox = Mailbox(port=port, directory=tmp_path / "mail")
        env = processes.worker_environment(
            settings,
            **queues.environment(),
            EMAIL_URL=f"smtp://127.0.0.1:{port}",
            DAYOFACTION_VAR_DIR=str(tmp_path),
        )
        email_log, heavy_log = tmp_path / "email-worker.log", tmp_path / "heavy-worker.log"
        email_worker = processes.start_celery_worker(
            env=env,
            log_path=email_log,
            hostname=f"{prefix}-email",
            options=("--pool=solo", queues.option(queues.email, queues.default)),
        )
        heavy_worker = processes.start_celery_worker(
            env=env,
            log_path=heavy_log,
            hostname=f"{prefix}-heavy",
            options=("--pool=solo", queues.option(queues.heavy)),
        )

        locker = _table_locked("meetings_meeting")
        with queues.receiving_tasks():
            job = export_job_create(
                user=staff, kind="meetings", file_format="csv", filters=QueryDict()
            )
            _wait_for(
                lambda: _export_status(job) == ExportStatus.RUNNING,
                what="The heavy worker did not start the export",
                log_path=heavy_log,
            )

            email_queue(
                to="amara@example.org",
                kind="test.reminder",
                key="split:reminder",
                subject="Your meeting at 10:30",
                body_text="Room SH-317.",
            )
            assert mailbox.wait_for(
                to="amara@example.org", subject_contains="10:30", timeout=WAIT_SECONDS
            )
            assert _export_status(job) == ExportStatus.RUNNING
            assert not EXPORT_SUCCEEDED.search(heavy_log.read_text(errors="replace"))

            canary = Email.objects.create(
                key="split:canary",
                to="jon@example.org",
                kind="test.reminder",
                subject="Behind the export",
                body_text="Sent by the heavy worker.",
            )
            send_emails.apply_async(kwargs={"email_ids": [canary.pk]}, queue=queues.heavy)
            time.sleep(CANARY_WAIT_SECONDS)
            assert Email.objects.get(pk=canary.pk).state == EmailState.QUEUED

            locker.rollback()  # the export reads on and finishes
            assert mailbox.wait_for(
                to="jon@example.org", subject_contains="Behind", timeout=WAIT_SECONDS
            )
        assert _export_status(job) == ExportStatus.DONE
    finally:
        if locker is not None:
            locker.close()
        for process in (email_worker, heavy_worker, sink):
            if process is not None:
                processes.stop(process)
        processes.forget_queue(settings.CELERY_BROKER_URL, prefix)

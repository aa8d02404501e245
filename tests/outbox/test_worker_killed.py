"""A worker killed with SIGKILL in the middle of a batch: after the sweep, each email once."""

import datetime
import os
import signal
import sys
import uuid
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
import redis
from django.utils import timezone

from outbox import sending, services
from outbox.models import Email, EmailState
from tests.e2e import processes
from tests.e2e.queues import WorkerQueues

PROJECT_DIR = Path(__file__).resolve().parents[2]
BATCH = 40
STALL_AFTER = 15


def _message_ids(directory: Path) -> list[str]:
    return [
        message_from_bytes(path.read_bytes(), policy=default_policy)["Message-ID"]
        for path in directory.glob("*.eml")
    ]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_worker_killed_mid_batch_then_swept_delivers_each_email_once(tmp_path, settings):
    sink_log, mailbox = tmp_path / "sink.log", tmp_path / "mail"
    sink = processes.start(
        command=[
            sys.executable,
            str(Path(__file__).with_name("stalling_sink.py")),
            "--directory",
            str(mailbox),
            "--stall-after",
            str(STALL_AFTER),
        ],
        log_path=sink_log,
    )
    queue = f"kill-{uuid.uuid4().hex[:8]}"
    queues = WorkerQueues.named(queue)
    worker = None
    try:
        port = int(
            processes.wait_for_log(
                sink,
                name="sink",
                log_path=sink_log,
                pattern=r"listening 127\.0\.0\.1:(\d+)",
                timeout=20,
            ).group(1)
        )
        worker_log = tmp_path / "worker.log"
        worker = processes.start(
            command=processes.celery_worker_command(
                "--pool=solo", queues.option(), f"--hostname={queue}@%h"
            ),
            log_path=worker_log,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "dayofaction.settings",
                "DATABASE_URL": processes.database_url(settings.DATABASES["default"]),
                "DATABASE_CONN_MAX_AGE": "0",
                "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
                "CELERY_TASK_ALWAYS_EAGER": "false",
                "EMAIL_URL": f"smtp://127.0.0.1:{port}",
                "DAYOFACTION_VAR_DIR": str(tmp_path),
                **queues.environment(),
            },
            cwd=PROJECT_DIR,
        )
        processes.wait_for_log(
            worker, name="worker", log_path=worker_log, pattern=rf"{queue}@\S+ ready\.", timeout=60
        )
        Email.objects.bulk_create(
            Email(
                key=f"kill:{n}",
                to=f"p{n}@example.org",
                kind="test.reminder",
                subject=f"Reminder {n}",
                body_text="See you there.",
            )
            for n in range(BATCH)
        )
        with queues.receiving_tasks():
            assert services.emails_dispatch_due() == BATCH
        processes.wait_for_log(
            sink, name="sink", log_path=sink_log, pattern=r"^stalled$", timeout=30
        )
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)

        states = {
            state: Email.objects.filter(state=state).count()
            for state in (EmailState.SENT, EmailState.SENDING)
        }
        assert states == {EmailState.SENT: STALL_AFTER, EmailState.SENDING: BATCH - STALL_AFTER}

        later = timezone.now() + datetime.timedelta(seconds=settings.OUTBOX_STUCK_SECONDS + 1)
        assert services.emails_sweep_stuck(now=later) == BATCH - STALL_AFTER
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        outcome = sending.emails_send(email_ids=list(Email.objects.values_list("pk", flat=True)))

        assert len(outcome.sent) == BATCH - STALL_AFTER
        assert Email.objects.exclude(state=EmailState.SENT).count() == 0
        received = _message_ids(mailbox)
        assert len(received) == BATCH
        assert len(set(received)) == BATCH
        assert set(received) == {email.message_id for email in Email.objects.all()}
    finally:
        if worker is not None:
            processes.stop(worker)
        processes.stop(sink)
        client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
        for key in client.scan_iter(match=f"*{queue}*"):
            client.delete(key)
        client.close()

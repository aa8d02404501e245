"""Redis restarted while reminders are pending: none is lost, none goes twice.

The test owns its Redis: a separate `redis-server` process on a free port, with
no persistence, so a restart loses whatever the broker held (the shared Redis on
6379 is never touched). A real worker with its embedded beat runs on it.
"""

import datetime
import os
import subprocess
import sys
import time
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
import redis
from django.utils import timezone

from outbox.models import Email, EmailState
from tests.e2e import processes

PROJECT_DIR = Path(__file__).resolve().parents[2]
FIRST, SECOND = 30, 10
REDISPATCH_SECONDS = 3
WAIT_SECONDS = 40


class PrivateRedis:
    """A redis-server process on its own port; `restart()` kills it (no save) and starts anew."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = processes.free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        self.process = processes.start_redis_server(
            port=self.port,
            directory=self.directory,
            log_path=self.directory / f"redis-{self.starts}.log",
        )

    def kill(self) -> None:
        self.process.kill()  # a crash: nothing is written to disk
        self.process.wait(timeout=10)

    def restart(self) -> None:
        self.kill()
        self.start()

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url)


def _message_ids(directory: Path) -> list[str]:
    return [
        message_from_bytes(path.read_bytes(), policy=default_policy)["Message-ID"]
        for path in directory.glob("*.eml")
    ]


def _wait_until_all_sent(mailbox: Path, count: int) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        done = not Email.objects.exclude(state=EmailState.SENT).exists()
        if done and len(_message_ids(mailbox)) >= count:
            return
        time.sleep(0.2)
    states = dict(Email.objects.values_list("key", "state"))
    pytest.fail(f"Not all sent after {WAIT_SECONDS} s: {states}")


def _reminders(prefix: str, count: int, *, send_after=None) -> None:
    Email.objects.bulk_create(
        Email(
            key=f"{prefix}:{n}",
            to=f"{prefix}{n}@example.org",
            kind="test.reminder",
            subject=f"Reminder {prefix} {n}",
            body_text="See you there.",
            send_after=send_after or timezone.now(),
        )
        for n in range(count)
    )


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_redis_restarted_with_reminders_pending_loses_none(tmp_path, settings):
    private = PrivateRedis(tmp_path)
    mailbox, sink_log = tmp_path / "mail", tmp_path / "sink.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dayofaction.settings",
        "DATABASE_URL": processes.database_url(settings.DATABASES["default"]),
        "DATABASE_CONN_MAX_AGE": "0",
        "CELERY_BROKER_URL": private.url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "DAYOFACTION_VAR_DIR": str(tmp_path),
        "DAYOFACTION_OUTBOX_DISPATCH_SECONDS": "1",
        "DAYOFACTION_OUTBOX_REDISPATCH_SECONDS": str(REDISPATCH_SECONDS),
    }
    sink = worker = None
    private.start()
    try:
        sink = processes.start(
            command=[
                sys.executable,
                str(PROJECT_DIR / "tests/e2e/smtp_sink.py"),
                "--directory",
                str(mailbox),
            ],
            log_path=sink_log,
        )
        port = processes.wait_for_log(
            sink,
            name="sink",
            log_path=sink_log,
            pattern=r"listening 127\.0\.0\.1:(\d+)",
            timeout=20,
        ).group(1)
        env["EMAIL_URL"] = f"smtp://127.0.0.1:{port}"

        # The beat's dispatch puts the due reminders on the broker; no worker has taken them yet.
        _reminders("first", FIRST)
        dispatched = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from outbox.services import emails_dispatch_due; print(emails_dispatch_due())",
            ],
            env=env,
            cwd=PROJECT_DIR,
            capture_output=True,
            text=True,
            check=True,
        )
        assert dispatched.stdout.strip().splitlines()[-1] == str(FIRST)
        # One task, thirty ids, on the email queue (a worker without -Q reads every queue).
        assert private.client().llen(settings.CELERY_EMAIL_QUEUE) == 1

        private.restart()
        assert private.client().llen(settings.CELERY_EMAIL_QUEUE) == 0  # gone with the old Redis
        assert Email.objects.filter(state=EmailState.QUEUED).count() == FIRST

        worker_log = tmp_path / "worker.log"
        worker = processes.start(
            command=processes.celery_worker_command(
                "--beat", "--pool=solo", "--hostname=redis-restart@%h"
            ),
            log_path=worker_log,
            env=env,
            cwd=PROJECT_DIR,
        )
        processes.wait_for_log(
            worker, name="worker", log_path=worker_log, pattern=r"ready\.", timeout=60
        )
        # The beat finds the rows still queued and, once their dispatch is stale, dispatches again.
        _wait_until_all_sent(mailbox, FIRST)

        # Reminders waiting for their time, and Redis restarts under the running worker and beat.
        _reminders("second", SECOND, send_after=timezone.now() + datetime.timedelta(seconds=2))
        private.restart()
        _wait_until_all_sent(mailbox, FIRST + SECOND)

        received = _message_ids(mailbox)
        assert len(received) == FIRST + SECOND
        assert set(received) == {email.message_id for email in Email.objects.all()}
        assert set(Email.objects.values_list("attempts", flat=True)) == {1}
    finally:
        if worker is not None:
            processes.stop(worker)
        if sink is not None:
            processes.stop(sink)
        if private.process is not None and private.process.poll() is None:
            private.kill()

"""5,000 due reminders drained through a real Celery worker into a real SMTP server.

    .venv/bin/python bench/reminders.py

Builds its own database, queues 5,000 due outbox rows, starts an SMTP sink
process and a Celery worker (prefork, 4 processes, on the local Redis), lets
the beat's dispatch put them on the broker, and waits until the sink has them
all. Counts distinct messages by their Message-ID, so a duplicate shows.
"""

import os
import sys
import tempfile
import time
import uuid
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchlib

EMAILS = 5_000
WORKER_PROCESSES = 4
TIMEOUT_SECONDS = 180


def main() -> None:
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
    url = benchlib.setup_django("bench_reminders")

    from django.conf import settings
    from django.utils import timezone

    from dayofaction.celery import app
    from outbox import services
    from outbox.models import Email, EmailState
    from tests.e2e import processes

    work = Path(tempfile.mkdtemp(prefix="bench-reminders-"))
    mailbox = work / "mail"
    sink = processes.start(
        command=[
            sys.executable,
            str(benchlib.ROOT / "tests/e2e/smtp_sink.py"),
            "--directory",
            str(mailbox),
        ],
        log_path=work / "sink.log",
    )
    port = int(
        processes.wait_for_log(
            sink,
            name="SMTP sink",
            log_path=work / "sink.log",
            pattern=r"^listening 127\.0\.0\.1:(\d+)$",
            timeout=20,
        ).group(1)
    )
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    worker = processes.start(
        command=[
            sys.executable,
            "-m",
            "celery",
            "--app=dayofaction",
            "worker",
            "--pool=prefork",
            f"--concurrency={WORKER_PROCESSES}",
            f"--queues={queue}",
            f"--hostname={queue}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
        ],
        log_path=work / "worker.log",
        env={
            **os.environ,
            "DATABASE_URL": url,
            "EMAIL_URL": f"smtp://127.0.0.1:{port}",
            "DATABASE_CONN_MAX_AGE": "60",
        },
        cwd=benchlib.ROOT,
    )
    processes.wait_for_log(
        worker,
        name="Celery worker",
        log_path=work / "worker.log",
        pattern=rf"{queue}@\S+ ready\.",
        timeout=60,
    )

    now = timezone.now()
    Email.objects.bulk_create(
        [
            Email(
                key=f"bench.reminder:{n}",
                to=f"advocate{n}@example.org",
                kind="bench.reminder",
                template_prefix="outbox/email/notice",
                context={
                    "subject": f"At 10:30: Senator Example, SH-{300 + n % 200}",
                    "heading": "Your next meeting",
                    "lines": [
                        f"Room SH-{300 + n % 200}",
                        "Lead: Priya Raman",
                        "With: Amara Okafor, Jon Lee",
                    ],
                    "link": "https://dayofaction.example.org/events/national/itinerary/",
                },
                send_after=now,
            )
            for n in range(EMAILS)
        ],
        batch_size=1000,
    )
    app.conf.update(task_always_eager=False, task_default_queue=queue)
    started = time.monotonic()
    services.emails_dispatch_due()  # what the beat does every minute
    deadline = started + TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if (
            len(list(mailbox.glob("*.eml"))) >= EMAILS
            and not Email.objects.filter(
                state__in=[EmailState.QUEUED, EmailState.SENDING]
            ).exists()
        ):
            break
        time.sleep(0.05)
    elapsed = time.monotonic() - started

    processes.stop(worker)
    processes.stop(sink)
    ids = [
        message_from_bytes(path.read_bytes(), policy=default_policy)["Message-ID"]
        for path in mailbox.glob("*.eml")
    ]
    distinct = len(set(ids))
    import redis

    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    for key in client.scan_iter(match=f"*{queue}*"):
        client.delete(key)
    print(f"emails_per_second: {distinct / elapsed:.0f} emails/s")
    print(f"emails_expected: {EMAILS} emails")
    print(f"emails_received: {distinct} emails")
    print(f"emails_duplicated: {len(ids) - distinct} emails")


if __name__ == "__main__":
    main()

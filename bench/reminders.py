"""5,000 due reminders drained through a real Celery worker into a real SMTP server.

    .venv/bin/python bench/reminders.py

Builds its own database, queues 5,000 due outbox rows, starts an SMTP server
process (bench/smtp_spool_sink.py, aiosmtpd) and a Celery worker (prefork, 3
processes, on the local Redis), lets the beat's dispatch put them on the broker,
and waits until no row is queued or sending. The time runs from the dispatch to
the arrival of the last message at the SMTP server (the server notes each
arrival). Counts distinct messages by their Message-ID, so a duplicate shows;
every row must end "sent". Synchronous commit stays on: each "sent" mark waits
for the disk, as in production.
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
from smtp_spool_sink import read_spool

EMAILS = 5_000
WORKER_PROCESSES = 3  # two cores: a third process sends while the others wait on a reply
TIMEOUT_SECONDS = 180
POLL_SECONDS = 0.5


def main() -> None:
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
    url = benchlib.setup_django("bench_reminders")

    from django.conf import settings
    from django.utils import timezone

    from outbox import services
    from outbox.models import Email, EmailState
    from tests.e2e import processes
    from tests.e2e.queues import WorkerQueues

    work = Path(tempfile.mkdtemp(prefix="bench-reminders-"))
    spool = work / "spool"
    sink = processes.start(
        command=[
            sys.executable,
            str(benchlib.ROOT / "bench/smtp_spool_sink.py"),
            "--spool",
            str(spool),
        ],
        log_path=work / "sink.log",
    )
    worker = None
    try:
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
        queues = WorkerQueues.named(queue)
        worker = processes.start(
            command=processes.celery_worker_command(
                "--pool=prefork",
                f"--concurrency={WORKER_PROCESSES}",
                queues.option(),
                f"--hostname={queue}@%h",
            ),
            log_path=work / "worker.log",
            env={
                **os.environ,
                "DATABASE_URL": url,
                "EMAIL_URL": f"smtp://127.0.0.1:{port}",
                "DATABASE_CONN_MAX_AGE": "60",
                **queues.environment(),
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
        started_ns = time.time_ns()
        with queues.receiving_tasks():
            services.emails_dispatch_due()  # what the beat does every minute
        deadline = time.monotonic() + TIMEOUT_SECONDS
        pending = Email.objects.filter(state__in=[EmailState.QUEUED, EmailState.SENDING])
        while pending.exists() and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)  # only to know when to stop: the sink timed each arrival

    finally:  # never leave a sink or a worker behind, whatever happened
        if worker is not None:
            processes.stop(worker)
        processes.stop(sink)  # flushes the spool
    marked_sent = Email.objects.filter(state=EmailState.SENT).count()
    records = read_spool(spool)
    ids = [
        message_from_bytes(content, policy=default_policy)["Message-ID"] for _, content in records
    ]
    distinct = len(set(ids))
    elapsed = (
        (max(arrived for arrived, _ in records) - started_ns) / 1e9 if records else TIMEOUT_SECONDS
    )
    import redis

    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    for key in client.scan_iter(match=f"*{queue}*"):
        client.delete(key)
    print(f"emails_per_second: {distinct / elapsed:.0f} emails/s")
    print(f"emails_expected: {EMAILS} emails")
    print(f"emails_received: {distinct} emails")
    print(f"emails_duplicated: {len(ids) - distinct} emails")
    print(f"emails_marked_sent: {marked_sent} emails")


if __name__ == "__main__":
    main()

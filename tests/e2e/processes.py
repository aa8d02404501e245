"""Start the helper processes of the end-to-end tests and wait until they are ready."""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

PROJECT_DIR = Path(__file__).resolve().parents[2]
SMTP_SINK = Path(__file__).with_name("smtp_sink.py")


class ProcessFailed(RuntimeError):
    """A helper process died or never became ready; the message ends with its log."""


def celery_worker_command(*options: str) -> list[str]:
    """A real Celery worker of the project, quiet about its peers; `options` add to it."""
    return [
        sys.executable,
        "-m",
        "celery",
        "--app=dayofaction",
        "worker",
        *options,
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "--loglevel=INFO",
    ]


def database_url(database: dict) -> str:
    """A `DATABASE_URL` for a child process, from Django's settings of a database."""
    credentials = quote(database.get("USER") or "", safe="")
    if database.get("PASSWORD"):
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database.get("HOST") or "127.0.0.1"
    port = database.get("PORT") or 5432
    return f"postgres://{credentials}@{host}:{port}/{database['NAME']}"


def worker_environment(settings, **overrides: str) -> dict:
    """The environment of a worker on this test run's database and broker; `overrides` add."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dayofaction.settings",
        "DATABASE_URL": database_url(settings.DATABASES["default"]),
        # Connections closed after each task, so the test database can be dropped at the end.
        "DATABASE_CONN_MAX_AGE": "0",
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "PYTHONUNBUFFERED": "1",
        **overrides,
    }


def start_celery_worker(
    *, env: dict, log_path: Path, hostname: str, options=(), prefix=(), timeout: float = 60
) -> subprocess.Popen:
    """Start a worker (`prefix` runs it, e.g. under `prlimit`) and wait until it is ready."""
    process = start(
        command=[
            *prefix,
            *celery_worker_command(*options, f"--hostname={hostname}@%h"),
        ],
        log_path=log_path,
        env=env,
        cwd=PROJECT_DIR,
    )
    wait_for_log(
        process,
        name="Celery worker",
        log_path=log_path,
        pattern=rf"{re.escape(hostname)}@\S+ ready\.",
        timeout=timeout,
    )
    return process


def start_smtp_sink(
    *, directory: Path, log_path: Path, script: Path = SMTP_SINK, options=()
) -> tuple[subprocess.Popen, int]:
    """Start an SMTP sink script (it keeps messages in `directory`); returns it and its port."""
    process = start(
        command=[sys.executable, str(script), "--directory", str(directory), *options],
        log_path=log_path,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    ready = wait_for_log(
        process,
        name="SMTP sink",
        log_path=log_path,
        pattern=r"^listening 127\.0\.0\.1:(\d+)$",
        timeout=20,
    )
    return process, int(ready.group(1))


def start_redis_server(*, port: int, directory: Path, log_path: Path) -> subprocess.Popen:
    """A redis-server of the caller's own on loopback, keeping nothing on disk."""
    process = start(
        command=[
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(directory),
        ],
        log_path=log_path,
    )
    wait_for_log(
        process,
        name="redis-server",
        log_path=log_path,
        pattern=r"Ready to accept connections",
        timeout=20,
    )
    return process


def free_port() -> int:
    """A loopback port nobody listens on now (the system's choice)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(*, command: list[str], log_path: Path, env: dict | None = None, cwd: Path | None = None):
    log = log_path.open("wb")
    try:
        return subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=cwd, start_new_session=True
        )
    finally:
        log.close()  # the child holds its own copy of the descriptor


def wait_for_log(
    process: subprocess.Popen, *, name: str, log_path: Path, pattern: str, timeout: float
) -> re.Match:
    """Poll the process's log until a line matches `pattern`; fail if it exits or times out."""
    wanted = re.compile(pattern, re.MULTILINE)
    deadline = time.monotonic() + timeout
    while True:
        text = log_path.read_text(errors="replace")
        match = wanted.search(text)
        if match:
            return match
        if process.poll() is not None:
            raise ProcessFailed(
                f"The {name} exited with {process.returncode} before it was ready:\n"
                + tail(log_path)
            )
        if time.monotonic() > deadline:
            stop(process)
            raise ProcessFailed(f"The {name} was not ready after {timeout} s:\n" + tail(log_path))
        time.sleep(0.1)


def stop(process: subprocess.Popen, *, grace: float = 10.0) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=grace)


def tail(log_path: Path, lines: int = 40) -> str:
    return "\n".join(log_path.read_text(errors="replace").splitlines()[-lines:])


def forget_queue(broker_url: str, queue: str) -> None:
    """Remove a test's queue and its bindings from Redis: every key that names it."""
    import redis

    client = redis.Redis.from_url(broker_url)
    for key in client.scan_iter(match=f"*{queue}*"):
        client.delete(key)
    client.close()

"""DAYOFACTION_LOG_FORMAT=json: one JSON object a line, from Django's set-up and from a worker.

Each process is real and fresh, so the settings' LOGGING is what configures
it (pytest's own log capture would stand in the way in this process).
"""

import json
import os
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path

import pytest

from outbox.tasks import sweep_stuck
from tests.e2e import processes
from tests.e2e.queues import WorkerQueues

PROJECT_DIR = Path(__file__).resolve().parents[2]
LOGGED = """
import logging
import warnings

import django

django.setup()
log = logging.getLogger("dayofaction.check")
log.warning("Export %s is slow", 7, extra={"job_id": 7})
try:
    {}["missing"]
except KeyError:
    log.exception("Export failed")
warnings.warn("an old way", DeprecationWarning, stacklevel=1)
"""
FIELDS = {"time", "level", "logger", "message"}


def _run_django(tmp_path, log_format: str) -> list[str]:
    """Set Django up in a fresh interpreter that logs three records; its log's lines."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "dayofaction.settings",
        "DJANGO_DEBUG": "true",
        "DAYOFACTION_VAR_DIR": str(tmp_path / "var"),
        "DAYOFACTION_LOG_FORMAT": log_format,
        "PYTHONWARNINGS": "always",
    }
    result = subprocess.run(
        [sys.executable, "-c", LOGGED],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stderr.splitlines()


def _objects(lines: list[str]) -> list[dict]:
    objects = [json.loads(line) for line in lines]
    assert all(isinstance(record, dict) and record.keys() >= FIELDS for record in objects)
    return objects


def test_json_format_writes_one_object_a_line_with_time_level_logger_message(tmp_path):
    records = _objects(_run_django(tmp_path, "json"))

    assert [(r["level"], r["logger"], r["message"]) for r in records] == [
        ("WARNING", "dayofaction.check", "Export 7 is slow"),
        ("ERROR", "dayofaction.check", "Export failed"),
        ("WARNING", "py.warnings", records[2]["message"]),
    ]
    assert records[0]["job_id"] == 7
    assert records[1]["exc_info"].startswith("Traceback (most recent call last):")
    assert "KeyError: 'missing'" in records[1]["exc_info"]
    assert "DeprecationWarning: an old way" in records[2]["message"]
    assert records[0]["time"].endswith("+00:00")  # ISO 8601, UTC


def test_plain_format_is_the_default(tmp_path):
    lines = _run_django(tmp_path, "plain")
    assert lines[0].endswith(" WARNING dayofaction.check Export 7 is slow")


@pytest.mark.worker
def test_worker_logs_json_lines_and_no_banner(tmp_path, settings, db):
    queues = WorkerQueues.named(f"json-{uuid.uuid4().hex[:8]}")
    log_path = tmp_path / "worker.log"
    worker = processes.start_celery_worker(
        env=processes.worker_environment(
            settings,
            **queues.environment(),
            DAYOFACTION_LOG_FORMAT="json",
            DAYOFACTION_VAR_DIR=str(tmp_path),
        ),
        log_path=log_path,
        hostname=queues.default,
        options=("--pool=solo", queues.option()),
    )
    try:
        with queues.receiving_tasks():
            sweep_stuck.delay()
        processes.wait_for_log(
            worker,
            name="Celery worker",
            log_path=log_path,
            pattern=r"outbox\.tasks\.sweep_stuck\[[^\]]+\] succeeded",
            timeout=20,
        )
        # Read while it runs: when stopped, Celery prints (not logs) a line of its own.
        records = _objects(log_path.read_text().splitlines())
    finally:
        processes.stop(worker)
        processes.forget_queue(settings.CELERY_BROKER_URL, queues.default)

    messages = {(r["logger"], r["message"].split("[")[0]) for r in records}
    assert ("celery.apps.worker", f"{queues.default}@{os.uname().nodename} ready.") in messages
    assert ("celery.app.trace", "Task outbox.tasks.sweep_stuck") in messages


def test_gunicorn_logs_start_up_and_requests_as_json_lines(tmp_path):
    """As Procfile starts the web process: gunicorn's own lines take the JSON format too."""
    log_path = tmp_path / "gunicorn.log"
    command = [
        *(sys.executable, "-m", "gunicorn", "dayofaction.wsgi"),
        *("--config", "python:dayofaction.gunicorn_conf", "--access-logfile", "-"),
        *("--bind", "127.0.0.1:0", "--workers", "1"),
    ]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dayofaction.settings",
        "DAYOFACTION_LOG_FORMAT": "json",
        "DAYOFACTION_VAR_DIR": str(tmp_path),
    }
    server = processes.start(command=command, log_path=log_path, env=env, cwd=PROJECT_DIR)
    try:
        address = processes.wait_for_log(
            server,
            name="gunicorn",
            log_path=log_path,
            pattern=r"Listening at: (http://127\.0\.0\.1:\d+)",
            timeout=30,
        ).group(1)
        with urllib.request.urlopen(f"{address}/healthz", timeout=10) as response:
            assert response.status == 200
        processes.wait_for_log(
            server, name="gunicorn", log_path=log_path, pattern=r"GET /healthz", timeout=10
        )
        records = _objects(log_path.read_text().splitlines())
    finally:
        processes.stop(server)

    loggers = {record["logger"] for record in records}
    assert {"gunicorn.error", "gunicorn.access"} <= loggers

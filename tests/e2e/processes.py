"""Start the helper processes of the end-to-end tests and wait until they are ready."""

import re
import subprocess
import sys
import time
from pathlib import Path


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

"""End-to-end fixtures: real processes, no mocks.

- `smtp_sink`: an SMTP server process (smtp_sink.py) on a port the system
  picked; the live server and the worker send mail to it, tests read it back.
- `celery_worker`: a `celery worker` process on the real Redis broker,
  consuming the default, email and heavy queues under names for this run
  only, with the test database.
- `browser_page` / `phone_page`: Debian's Chromium driven by Playwright,
  against pytest-django's live server, with a screenshot when a test fails.
"""

import os
import re
import shutil
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from django.db import connections
from playwright.sync_api import expect, sync_playwright

from tests.e2e import processes
from tests.e2e.mailbox import Mailbox
from tests.e2e.queues import WorkerQueues

# Playwright's sync API runs an event loop in the main thread; Django would
# refuse the ORM calls of the test itself, which are plain synchronous code.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

PROJECT_DIR = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = PROJECT_DIR / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
WAIT_MS = 15_000

RUN_ID = uuid.uuid4().hex[:10]
PHASE_REPORTS = pytest.StashKey[dict]()

expect.set_options(timeout=WAIT_MS)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    item.stash.setdefault(PHASE_REPORTS, {})[report.when] = report
    return report


def _failed(node) -> bool:
    return any(report.failed for report in node.stash.get(PHASE_REPORTS, {}).values())


def _artifact_name(node) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", node.nodeid.split("::", 1)[-1])


# Mail ---------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _smtp_sink_process(tmp_path_factory):
    directory = tmp_path_factory.mktemp("smtp-sink")
    log_path = directory.parent / "smtp-sink.log"
    process = processes.start(
        command=[
            sys.executable,
            str(Path(__file__).with_name("smtp_sink.py")),
            "--directory",
            str(directory),
        ],
        log_path=log_path,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        ready = processes.wait_for_log(
            process,
            name="SMTP sink",
            log_path=log_path,
            pattern=r"^listening 127\.0\.0\.1:(\d+)$",
            timeout=20,
        )
        yield Mailbox(port=int(ready.group(1)), directory=directory)
    finally:
        processes.stop(process)


@pytest.fixture
def smtp_sink(_smtp_sink_process):
    """The SMTP sink process's mailbox, emptied for this test."""
    _smtp_sink_process.clear()
    return _smtp_sink_process


@pytest.fixture
def live_site(live_server, smtp_sink, settings):
    """The live server's base URL, its mail going by SMTP to the sink and its links to itself."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_sink.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.SITE_URL = live_server.url
    return live_server.url


# Celery worker ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunningWorker:
    queues: WorkerQueues
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@pytest.fixture(scope="session")
def _celery_worker_process(django_db_setup, live_server, _smtp_sink_process, tmp_path_factory):
    from django.conf import settings

    queue = f"e2e-{RUN_ID}"
    queues = WorkerQueues.named(queue)
    node = f"e2e-{RUN_ID}"
    log_path = tmp_path_factory.mktemp("celery-worker") / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dayofaction.settings",
        "DJANGO_DEBUG": "false",
        # The live server's key: links the worker signs (reminders' answer links) must open there.
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        # The database pytest-django created (its name carries the run's suffix).
        "DATABASE_URL": processes.database_url(settings.DATABASES["default"]),
        # Connections closed after each task, so the test database can be dropped at the end.
        "DATABASE_CONN_MAX_AGE": "0",
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        # Tasks the worker itself queues (an invitation queues its outbox email) stay on
        # this run's queues.
        **queues.environment(),
        "EMAIL_URL": f"smtp://127.0.0.1:{_smtp_sink_process.port}",
        "DAYOFACTION_SITE_URL": live_server.url,
        "DAYOFACTION_VAR_DIR": str(log_path.parent),
        "PYTHONUNBUFFERED": "1",
    }
    process = processes.start(
        command=processes.celery_worker_command(
            "--pool=solo", "--concurrency=1", queues.option(), f"--hostname={node}@%h"
        ),
        log_path=log_path,
        env=env,
        cwd=PROJECT_DIR,
    )
    try:
        processes.wait_for_log(
            process,
            name="Celery worker",
            log_path=log_path,
            pattern=rf"{re.escape(node)}@\S+ ready\.",
            timeout=60,
        )
        yield RunningWorker(queues=queues, log_path=log_path)
    finally:
        processes.stop(process)
        _forget_queue(settings.CELERY_BROKER_URL, queue)  # and the two named after it


def _forget_queue(broker_url: str, queue: str) -> None:
    """Remove the run's queue and its bindings from Redis: every key that names it."""
    client = redis.Redis.from_url(broker_url)
    for key in client.scan_iter(match=f"*{queue}*"):
        client.delete(key)
    client.close()


@pytest.fixture
def celery_worker(request, _celery_worker_process, live_site, settings):
    """A real worker; this process stops running tasks eagerly and sends them to its queues."""
    with _celery_worker_process.queues.receiving_tasks():
        settings.CELERY_TASK_ALWAYS_EAGER = False
        yield _celery_worker_process
    if _failed(request.node):
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        shutil.copyfile(
            _celery_worker_process.log_path,
            ARTIFACTS_DIR / f"{_artifact_name(request.node)}-celery-worker.log",
        )


# Browser ------------------------------------------------------------------------------------


@pytest.fixture
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's package (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        # While Playwright's loop runs, Django keeps this thread's connections in
        # context-local storage: the test's own queries opened one there, which
        # must be closed now or it would hold the test database open to the end.
        connections.close_all()


@pytest.fixture
def open_page(request, chromium, live_site):
    """Open a page in a fresh browser context (its own cookies): `open_page(phone=True)`."""
    pages = []

    def open_page(*, phone: bool = False):
        context = chromium.new_context(
            base_url=live_site,
            viewport=PHONE if phone else DESKTOP,
            is_mobile=phone,
            has_touch=phone,
        )
        context.set_default_timeout(WAIT_MS)
        page = context.new_page()
        pages.append(page)
        return page

    yield open_page
    if _failed(request.node):
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        for number, page in enumerate(pages, start=1):
            page.screenshot(
                path=ARTIFACTS_DIR / f"{_artifact_name(request.node)}-{number}.png",
                full_page=True,
            )
    for page in pages:
        page.context.close()


@pytest.fixture
def browser_page(open_page):
    return open_page()


@pytest.fixture
def phone_page(open_page):
    return open_page(phone=True)

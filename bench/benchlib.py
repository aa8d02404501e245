"""What the benchmarks share: a database of their own and Django set up against it."""

import math
import os
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BENCH_ENV = {
    "DJANGO_SETTINGS_MODULE": "dayofaction.settings",
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "bench-only-secret-key-not-for-production-use",
    "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "CACHE_URL": "redis://127.0.0.1:6379/3",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/4",
    "CELERY_TASK_ALWAYS_EAGER": "true",
    "DJANGO_LOG_LEVEL": "WARNING",
}


def recreate_database(url: str) -> None:
    import psycopg2

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = psycopg2.connect(
        host=parsed.hostname,
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password or None,
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def setup_django(database_name: str) -> str:
    """Point Django at a fresh database of this name, migrated; returns its URL."""
    url = os.environ.get(
        "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{database_name}"
    )
    os.environ["DATABASE_URL"] = url
    for name, value in BENCH_ENV.items():
        os.environ.setdefault(name, value)
    recreate_database(url)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    # Production settings serve hashed static files: build the manifest, as a deploy does.
    call_command("collectstatic", verbosity=0, interactive=False)
    return url


def free_port() -> int:
    from tests.e2e.processes import free_port

    return free_port()


def logged_in_sessions(users) -> list[str]:
    """A database session per user, logged in as a browser would be: their session keys."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    keys = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys


def percentile(values, fraction: float) -> float:
    """The nearest-rank percentile (`fraction` 0.95 for p95); 0 for no values."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def process_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of one live process, 0 when it has ended."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(value) for value in fields[11:13]) / os.sysconf("SC_CLK_TCK")


class DatabaseCpu:
    """CPU time of the PostgreSQL backends serving `database` while it runs.

    Backends come and go (a connection is kept for DATABASE_CONN_MAX_AGE, then
    another opens), and an ended backend's time is gone from /proc: a thread looks at
    the live ones every `every` seconds and keeps the most each has used. What a
    backend used after the last look before it ended is missed: a floor, close.

        with benchlib.DatabaseCpu("bench_rush") as database: ...
        database.seconds
    """

    def __init__(self, database: str, every: float = 2.0):
        self.database, self.every = database, every
        self.used: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    @property
    def seconds(self) -> float:
        return sum(self.used.values())

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _watch(self):
        import psycopg2
        from django.db import connection

        settings = connection.settings_dict
        watcher = psycopg2.connect(
            dbname="postgres",
            user=settings["USER"],
            host=settings["HOST"],
            port=settings["PORT"],
            password=settings["PASSWORD"],
        )
        try:
            while True:
                self._look(watcher)
                if self._stop.wait(self.every):
                    self._look(watcher)
                    return
        finally:
            watcher.close()

    def _look(self, watcher):
        with watcher.cursor() as cursor:
            cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [self.database])
            for (pid,) in cursor.fetchall():
                self.used[pid] = max(self.used.get(pid, 0.0), process_cpu_seconds(pid))


def process_group_cpu_seconds(group_id: int) -> float:
    """CPU time (user + system) of the live processes of a process group and of the
    children they reaped: what a server started in a session of its own has used."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        # After the command's closing parenthesis: state, ppid, pgrp, … utime is the 12th.
        if int(fields[2]) == group_id:
            total += sum(int(value) for value in fields[11:15])
    return total / ticks


def measure_page(client, url: str, *, runs: int) -> tuple[int, float]:
    """A page's query count (after one warm-up) and its median time in ms over `runs`."""
    import statistics
    import time

    from django.db import connection

    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    client.get(url)
    with connection.execute_wrapper(counter):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return count, statistics.median(times)

"""Stop at once, in one line, when the real services the tests need are down."""

import os
import socket
from urllib.parse import urlparse

import pytest

HOW_TO_START = {
    "PostgreSQL": "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    "Redis": 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
}


def _reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), 3
        ):
            return True
    except OSError:
        return False


def pytest_sessionstart(session):
    from django.conf import settings

    database = settings.DATABASES["default"]
    checks = [
        (
            "PostgreSQL",
            f"postgres://{database.get('HOST') or '127.0.0.1'}:{database.get('PORT') or 5432}",
            5432,
        ),
        ("Redis", os.environ.get("REDIS_URL", "redis://127.0.0.1:6379"), 6379),
    ]
    for name, url, port in checks:
        if not _reachable(url, port):
            pytest.exit(
                f"{name} is not reachable at {urlparse(url).netloc}: "
                f"start it with `{HOW_TO_START[name]}` or point the environment at yours "
                "(see README).",
                returncode=3,
            )

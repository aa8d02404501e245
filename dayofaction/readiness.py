"""Whether this process can serve: the database, its migrations, the broker and the cache.

Each check answers None when all is well, or a few plain words for the
probe's body. The words never carry what failed underneath (hosts, ports,
URLs, versions): that goes to the log, which only operators read.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db import Error as DatabaseError
from django.db.migrations.executor import MigrationExecutor
from kombu import Connection

logger = logging.getLogger(__name__)

UNREACHABLE = "cannot be reached"
MIGRATIONS_PENDING = "not all applied"
NOT_CHECKED = "not checked: the database cannot be reached"
PROBE_KEY = "dayofaction:readiness-probe"
# Seconds a probe waits for the broker before it calls it unreachable.
PROBE_TIMEOUT = 2

# Migrations come with the code, and the code of a running process does not change:
# once every migration is applied, it stays so until the next deploy starts new processes.
_migrations_known_applied = False


def database_problem() -> str | None:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logger.warning("Readiness: the database cannot be reached: %s", error)
        return UNREACHABLE
    return None


def migrations_problem() -> str | None:
    """Pending migrations (e.g. new code before `migrate`); a positive answer is remembered."""
    global _migrations_known_applied
    if _migrations_known_applied:
        return None
    try:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        logger.warning("Readiness: the migrations could not be read: %s", error)
        return UNREACHABLE
    if pending:
        logger.warning("Readiness: %s migrations are not applied", len(pending))
        return MIGRATIONS_PENDING
    _migrations_known_applied = True
    return None


def broker_problem() -> str | None:
    try:
        with Connection(
            settings.CELERY_BROKER_URL,
            transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS,
            connect_timeout=PROBE_TIMEOUT,
        ) as connection:
            # No retry: a probe that waits is a probe that times out.
            connection.ensure_connection(max_retries=0)
    except Exception as error:  # kombu and the transports raise many types
        logger.warning("Readiness: the broker cannot be reached: %s", error)
        return UNREACHABLE
    return None


def cache_problem() -> str | None:
    """A write, not a read: the rate limits of sign-up and login write to this cache."""
    try:
        cache.set(PROBE_KEY, "ok", timeout=60)
    except Exception as error:  # each cache backend raises its client's errors
        logger.warning("Readiness: the cache cannot be reached: %s", error)
        return UNREACHABLE
    return None


def readiness() -> dict[str, str]:
    """Each check's answer, "ok" or what is wrong, in the order an operator looks."""
    database = database_problem()
    checks = {
        "database": database,
        "migrations": NOT_CHECKED if database else migrations_problem(),
        "broker": broker_problem(),
        "cache": cache_problem(),
    }
    return {name: problem or "ok" for name, problem in checks.items()}

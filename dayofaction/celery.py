import logging
import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dayofaction.settings")

app = Celery("dayofaction")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)


def _runs_in_worker(task) -> bool:
    # Eager tasks run inside the caller's own transaction (a request, a test): leave it alone.
    return task is not None and not getattr(task.request, "is_eager", False)


def discard_connections_left_in_transaction(*, task_name: str = "") -> list[str]:
    """Replace every connection a task left inside a transaction; returns their aliases.

    A connection that is still in an atomic block when its task has ended (a
    generator that opened a transaction and was abandoned half-way) cannot be
    saved: Django refuses every later query on it ("connection already closed")
    once it has been closed in that state. Its socket is closed (the server rolls
    the transaction back) and the handler forgets it, so the next task connects
    afresh; whatever still holds the old wrapper can only touch the old one.
    """
    from django.db import connections

    discarded = []
    # Only the wrappers this thread made already: asking for others would create them.
    for wrapper in connections.all(initialized_only=True):
        if not wrapper.in_atomic_block:
            continue
        alias = wrapper.alias
        logger.error(
            "Task %s left database connection %r inside a transaction; it is discarded",
            task_name or "?",
            alias,
        )
        try:
            wrapper.close()
        except Exception:
            logger.warning("Closing the abandoned connection %r failed", alias, exc_info=True)
        del connections[alias]
        discarded.append(alias)
    return discarded


@signals.celeryd_init.connect
def _no_banner_with_json_logs(instance=None, **kwargs):
    """The worker prints its start-up banner instead of logging it: not among JSON lines."""
    from django.conf import settings

    if settings.LOG_FORMAT == "json":
        instance.quiet = True


@signals.task_prerun.connect
def _connections_before_task(sender=None, **kwargs):
    """As Django does at the start of a request: no stale or broken connection goes in."""
    if _runs_in_worker(sender):
        from django.db import close_old_connections

        discard_connections_left_in_transaction(task_name=sender.name)
        close_old_connections()


@signals.task_postrun.connect
def _connections_after_task(sender=None, **kwargs):
    """As Django does at the end of a request, after checking that no transaction was left."""
    if _runs_in_worker(sender):
        from django.db import close_old_connections

        discard_connections_left_in_transaction(task_name=sender.name)
        close_old_connections()

"""The queues a test's real worker reads, and this process's tasks sent to them.

Test runs share one Redis (and one broker database): a worker started by a
test reads queues named for that test only, one for each of the app's three
(default, email, heavy; dayofaction/queues.py), and the tasks this process
queues go there instead of running eagerly.
"""

from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class WorkerQueues:
    default: str
    email: str
    heavy: str

    @classmethod
    def named(cls, prefix: str) -> "WorkerQueues":
        """Three queues whose names begin with `prefix` (`forget_queue(prefix)` removes all)."""
        return cls(default=prefix, email=f"{prefix}-email", heavy=f"{prefix}-heavy")

    @property
    def every(self) -> tuple[str, ...]:
        return (self.default, self.email, self.heavy)

    def option(self, *names: str) -> str:
        """A worker's `--queues=` reading `names` (every one of the three by default)."""
        return "--queues=" + ",".join(names or self.every)

    def environment(self) -> dict[str, str]:
        """A worker's settings for these names, so the tasks it queues itself stay here."""
        return {
            "CELERY_TASK_DEFAULT_QUEUE": self.default,
            "CELERY_EMAIL_QUEUE": self.email,
            "CELERY_HEAVY_QUEUE": self.heavy,
        }

    @contextmanager
    def receiving_tasks(self):
        """While open, this process sends its tasks to these queues instead of running them."""
        from dayofaction.celery import app
        from dayofaction.queues import task_routes

        # Celery reads its configuration from Django's settings on first access: read
        # what to restore first. Changing the routes rebuilds Celery's router.
        names = ("task_always_eager", "task_default_queue", "task_routes")
        saved = {name: app.conf[name] for name in names}
        app.conf.update(
            task_always_eager=False,
            task_default_queue=self.default,
            task_routes=task_routes(email=self.email, heavy=self.heavy),
        )
        try:
            yield self
        finally:
            app.conf.update(saved)

"""Which Celery queue each task goes to, so that email never waits behind long work.

- email: what puts an email on its way and sends it (the outbox's sending, its
  dispatch of due rows and its sweep, invitations into the outbox, a member's
  sign-up and registration confirmations with their reminders). Seconds each;
  a reminder must leave on time.
- heavy: exports, the planner's runs and acceptances, the lawmaker import.
  Minutes of a process each, some of them memory.
- the default queue: the rest (the beat's other sweeps, reminder planning, chasing
  offices for an answer).

Settings name the queues (README); workers choose theirs with `-Q` (Procfile).
"""

from kombu import Exchange, Queue

EMAIL_TASKS = (
    "outbox.tasks.send_emails",
    "outbox.tasks.dispatch_due",
    "outbox.tasks.sweep_stuck",
    "chapters.tasks.send_invitation",
    "followup.tasks.announce_registration",
    "followup.tasks.announce_seat",
)
HEAVY_TASKS = (
    "reports.tasks.run_export",
    "planner.tasks.run_plan",
    "planner.tasks.accept_plan",
    "lawmakers.tasks.refresh_lawmakers",
)


def task_routes(*, email: str, heavy: str) -> dict[str, dict[str, str]]:
    """CELERY_TASK_ROUTES: each email and heavy task to its queue; others to the default."""
    return {
        **{name: {"queue": email} for name in EMAIL_TASKS},
        **{name: {"queue": heavy} for name in HEAVY_TASKS},
    }


def task_queues(*names: str) -> tuple[Queue, ...]:
    """CELERY_TASK_QUEUES: what a worker started without `-Q` consumes, i.e. every queue.

    Each is declared as Celery declares a queue it was not told of (its own
    direct exchange, its name as the routing key), so a process that creates
    one by itself agrees with these. A name given twice is one queue.
    """
    return tuple(
        Queue(name, Exchange(name, type="direct"), routing_key=name)
        for name in dict.fromkeys(names)
    )

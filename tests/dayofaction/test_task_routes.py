"""Each task goes to its queue by name (CELERY_TASK_ROUTES), and each task has chosen one."""

import pytest

from dayofaction import queues
from dayofaction.celery import app

# The tasks that stay on the default queue: short, or periodic sweeps. A new task must be
# listed here or routed in dayofaction/queues.py, so that none lands on a queue by accident.
DEFAULT_QUEUE_TASKS = {
    "chapters.tasks.expire_invitations",
    "followup.tasks.plan_upcoming_events",
    "followup.tasks.nudge_due_follow_up_items",
    "planner.tasks.sweep_stuck_runs",
    "officerequests.tasks.chase_requests",
    "reports.tasks.sweep_stuck_exports",
    "reports.tasks.delete_expired_exports",
}


def _our_tasks() -> set[str]:
    app.loader.import_default_modules()  # autodiscovery of every app's tasks module
    return {name for name in app.tasks if not name.startswith("celery.")}


def test_every_task_of_the_apps_has_chosen_its_queue():
    routed = set(queues.EMAIL_TASKS) | set(queues.HEAVY_TASKS)
    assert routed.isdisjoint(DEFAULT_QUEUE_TASKS)
    assert _our_tasks() == routed | DEFAULT_QUEUE_TASKS


@pytest.mark.parametrize(
    ("task", "setting"),
    [
        ("outbox.tasks.send_emails", "CELERY_EMAIL_QUEUE"),
        ("outbox.tasks.dispatch_due", "CELERY_EMAIL_QUEUE"),
        ("chapters.tasks.send_invitation", "CELERY_EMAIL_QUEUE"),
        ("followup.tasks.announce_seat", "CELERY_EMAIL_QUEUE"),
        ("reports.tasks.run_export", "CELERY_HEAVY_QUEUE"),
        ("planner.tasks.run_plan", "CELERY_HEAVY_QUEUE"),
        ("planner.tasks.accept_plan", "CELERY_HEAVY_QUEUE"),
        ("lawmakers.tasks.refresh_lawmakers", "CELERY_HEAVY_QUEUE"),
        ("followup.tasks.plan_upcoming_events", "CELERY_TASK_DEFAULT_QUEUE"),
    ],
)
def test_task_is_routed_to_the_queue_its_setting_names(settings, task, setting):
    queue = app.amqp.router.route({}, task)["queue"]
    assert (queue.name, queue.routing_key) == (getattr(settings, setting),) * 2


def test_a_worker_without_queues_option_reads_every_queue_once(settings):
    declared = queues.task_queues("celery", "email", "heavy", "email")
    assert [(queue.name, queue.exchange.name, queue.routing_key) for queue in declared] == [
        ("celery", "celery", "celery"),
        ("email", "email", "email"),
        ("heavy", "heavy", "heavy"),
    ]
    assert [queue.name for queue in settings.CELERY_TASK_QUEUES] == [
        settings.CELERY_TASK_DEFAULT_QUEUE,
        settings.CELERY_EMAIL_QUEUE,
        settings.CELERY_HEAVY_QUEUE,
    ]

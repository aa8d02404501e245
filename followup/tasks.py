"""Thin tasks for the beat: plan the coming events' reminders, nudge owners of due items."""

from celery import shared_task

from followup import services


@shared_task
def plan_upcoming_events() -> int:
    return services.upcoming_events_plan()


@shared_task
def nudge_due_follow_up_items() -> int:
    return services.due_items_nudge()

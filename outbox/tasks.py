"""Thin tasks: ids in, a service call. Retries live in the rows (send_after), not in Celery."""

from celery import shared_task

from outbox import sending, services


@shared_task
def send_emails(*, email_ids: list[int]) -> int:
    return len(sending.emails_send(email_ids=email_ids).sent)


@shared_task
def dispatch_due() -> int:
    return services.emails_dispatch_due()


@shared_task
def sweep_stuck() -> int:
    return services.emails_sweep_stuck()

from smtplib import SMTPException

from celery import shared_task

from chapters import invitations


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=10,
    retry_backoff_max=300,
    max_retries=5,
)
def send_invitation(*, invitation_id: int) -> None:
    invitations.invitation_send(invitation_id=invitation_id)


@shared_task
def expire_invitations() -> int:
    return invitations.invitations_expire_due()

"""Whose fault a failed send is, and what follows: the outbox's SMTP failure policy.

- The server's (it refused our login, e.g. after the password was rotated; it
  cannot be reached; it closed the connection or said 421): no email is wrong,
  so none is failed and none spends its attempts. The email and the rest of its
  batch wait with a backoff that grows with the server's failures in a row, and
  one `MailServerFault` row tells staff on the outbox page until a send works.
- This email's, for now (a 4xx to it: mailbox busy, greylisting): it is tried
  again with the same bounded backoff, up to OUTBOX_MAX_ATTEMPTS; the rest of
  the batch goes on over the same connection.
- This email's, for good (a 5xx to it: no such mailbox, refused): it is failed;
  the rest of the batch goes on. Staff may retry it.
"""

import datetime
import enum
import smtplib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from outbox.models import MailServerFault, ServerFaultKind


class Blame(enum.Enum):
    SERVER = "server"
    EMAIL_FOR_NOW = "email for now"
    EMAIL_FOR_GOOD = "email for good"


def blame_opening(error: Exception) -> ServerFaultKind:
    """Opening the connection (and logging in) involves no email: always the server's."""
    if isinstance(error, smtplib.SMTPAuthenticationError | smtplib.SMTPNotSupportedError):
        return ServerFaultKind.LOGIN
    return ServerFaultKind.CONNECTION


def blame_sending(error: Exception) -> Blame:
    """A failure while one message was being sent on an open connection."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return (
            Blame.EMAIL_FOR_NOW
            if all(400 <= code < 500 for code in codes)
            else (Blame.EMAIL_FOR_GOOD)
        )
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return Blame.SERVER
    if isinstance(error, smtplib.SMTPResponseException):  # sender or data refused
        if error.smtp_code == 421:  # the server is closing the connection
            return Blame.SERVER
        return Blame.EMAIL_FOR_NOW if 400 <= error.smtp_code < 500 else Blame.EMAIL_FOR_GOOD
    if isinstance(error, smtplib.SMTPException):  # e.g. an address the server cannot take
        return Blame.EMAIL_FOR_GOOD
    if isinstance(error, OSError):  # reset, timed out: the connection is gone
        return Blame.SERVER
    return Blame.EMAIL_FOR_GOOD


def retry_delay(failures: int) -> datetime.timedelta:
    """The bounded backoff: the base delay doubling with each failure, at most the maximum."""
    seconds = settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** max(failures - 1, 0)
    return datetime.timedelta(seconds=min(seconds, settings.OUTBOX_RETRY_MAX_SECONDS))


def server_fault_record(
    *, kind: str, error: str, now: datetime.datetime | None = None
) -> MailServerFault:
    """Count one more failure of the server in a row; returns the row with its next try."""
    now = now or timezone.now()
    with transaction.atomic():
        fault = MailServerFault.objects.select_for_update().filter(pk=MailServerFault.ONLY).first()
        if fault is None:
            try:
                with transaction.atomic():
                    return MailServerFault.objects.create(
                        kind=kind,
                        error=error,
                        first_at=now,
                        last_at=now,
                        next_try_at=now + retry_delay(1),
                    )
            except IntegrityError:  # another worker wrote it first
                fault = MailServerFault.objects.select_for_update().get(pk=MailServerFault.ONLY)
        fault.kind, fault.error, fault.last_at = kind, error, now
        fault.failures += 1
        fault.next_try_at = now + retry_delay(fault.failures)
        fault.save()
    return fault


def server_fault_clear() -> None:
    """A send worked: the server is fine again."""
    MailServerFault.objects.filter(pk=MailServerFault.ONLY).delete()


def server_fault_current() -> MailServerFault | None:
    return MailServerFault.objects.filter(pk=MailServerFault.ONLY).first()

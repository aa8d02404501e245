"""The worker's side of the outbox: claim a batch, render it, send it on one SMTP connection.

Exactly once rests on three steps per batch:

1. Claim: rows still queued and due are locked (SKIP LOCKED, so two workers never
   take the same row) and set to "sending" in one short transaction.
2. Render every message before the connection opens, so the connection carries
   nothing but sending and the time between two messages stays short.
3. Send one message, then mark that row sent at once: a single UPDATE of a few
   narrow columns, committed on its own (synchronous commit, as every other
   write). A worker killed between two messages leaves only rows that were never
   sent in "sending"; the sweep queues them again.

The rendered subject and bodies are stored for the staff's outbox page after the
batch, in one statement: they are a record of what went, not part of the
exactly-once bookkeeping.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection, models, transaction
from django.db.models.functions import Lower
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils import timezone

from common.mail import render_email
from outbox.composers import composer_for
from outbox.faults import (
    Blame,
    blame_opening,
    blame_sending,
    retry_delay,
    server_fault_clear,
    server_fault_record,
)
from outbox.models import Email, EmailState, OptOut, ServerFaultKind
from outbox.unsubscribe import unsubscribe_url

logger = logging.getLogger(__name__)


@dataclass
class SendOutcome:
    sent: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    retrying: list[int] = field(default_factory=list)
    cancelled: list[int] = field(default_factory=list)
    # Waiting for the mail server to work again (login refused, unreachable).
    postponed: list[int] = field(default_factory=list)


class _Cancelled(Exception):
    pass


def emails_send(*, email_ids: list[int]) -> SendOutcome:
    """Claim the given rows that are still queued and due, and send them on one connection.

    What a failure does to which rows is outbox/faults.py's policy.
    """
    outcome = SendOutcome()
    claimed = _claim(email_ids)
    if not claimed:
        return outcome
    ready = _render_all(claimed, outcome)
    if not ready:
        return outcome
    sent: list[tuple[Email, EmailMultiAlternatives]] = []
    smtp = get_connection(fail_silently=False)
    try:
        try:
            smtp.open()  # once for the batch: send_messages alone reconnects each time
        except Exception as error:
            _postpone(blame_opening(error), error, [email for email, _ in ready], outcome)
            return outcome
        for index, (email, message) in enumerate(ready):
            try:
                smtp.send_messages([message])
            except Exception as error:
                blame = blame_sending(error)
                if blame is Blame.SERVER:  # the connection is gone: the rest wait with this one
                    rest = [other for other, _ in ready[index:]]
                    _postpone(ServerFaultKind.CONNECTION, error, rest, outcome)
                    break
                if blame is Blame.EMAIL_FOR_NOW:
                    _retry_later(email, error, outcome)
                else:
                    logger.warning("Outbox: email %s failed for good: %s", email.pk, error)
                    _finish(email, state=EmailState.FAILED, error=_describe(error), attempt=True)
                    outcome.failed.append(email.pk)
            else:
                _mark_sent(email)
                outcome.sent.append(email.pk)
                sent.append((email, message))
    finally:
        try:
            smtp.close()
        except Exception:  # closing a broken connection must not hide what happened
            logger.warning("Outbox: closing the SMTP connection failed", exc_info=True)
    if sent:
        server_fault_clear()
    _keep_what_went(sent)
    return outcome


def _claim(email_ids: list[int]) -> list[Email]:
    now = timezone.now()
    with transaction.atomic():
        rows = list(
            Email.objects.select_for_update(skip_locked=True)
            .filter(pk__in=email_ids, state=EmailState.QUEUED, send_after__lte=now)
            .order_by("pk")
        )
        Email.objects.filter(pk__in=[row.pk for row in rows]).update(
            state=EmailState.SENDING, claimed_at=now
        )
    return rows


def _render_all(claimed: list[Email], outcome: SendOutcome):
    """Each claimed row as a message; rows that no longer apply or cannot render end here."""
    opted_out = _opted_out({email.to for email in claimed if not email.essential})
    ready = []
    for email in claimed:
        try:
            if not email.essential and email.to.lower() in opted_out:
                raise _Cancelled("The person opted out of this kind of email.")
            ready.append((email, message_for(email)))
        except _Cancelled as reason:
            _finish(email, state=EmailState.CANCELLED, error=str(reason))
            outcome.cancelled.append(email.pk)
        except Exception as error:
            logger.exception("Outbox: email %s could not be written", email.pk)
            _finish(email, state=EmailState.FAILED, error=_describe(error), attempt=True)
            outcome.failed.append(email.pk)
    return ready


def _opted_out(addresses: set[str]) -> set[str]:
    if not addresses:
        return set()
    lowered = [address.lower() for address in addresses]
    return set(
        OptOut.objects.annotate(address=Lower("email"))
        .filter(address__in=lowered)
        .values_list("address", flat=True)
    )


def message_for(email: Email) -> EmailMultiAlternatives:
    """The message this row sends: rendered now (through its kind's composer) or as written."""
    headers = {"Message-ID": email.message_id}
    if email.template_prefix:
        context = dict(email.context)
        composer = composer_for(email.kind)
        if composer is not None:
            context = composer(context)
            if context is None:
                raise _Cancelled("No longer applies (the meeting or seat changed).")
        if not email.essential:
            context["unsubscribe_url"] = unsubscribe_url(email.to)
        message = render_email(template_prefix=email.template_prefix, to=email.to, context=context)
    else:
        message = EmailMultiAlternatives(
            subject=email.subject, body=email.body_text, to=[email.to]
        )
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
    if not email.essential:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url(email.to)}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.extra_headers.update(headers)
    if email.reply_to:
        message.reply_to = [email.reply_to]
    for attachment in email.attachments:
        message.attach(
            attachment["filename"],
            attachment["content"],
            attachment.get("mimetype") or "application/octet-stream",
        )
    return message


@dataclass
class Preview:
    """What a queued email would say if it went now, or why it would not go."""

    subject: str = ""
    text: str = ""
    html: str = ""
    problem: str = ""


def preview(email: Email) -> Preview:
    """Render a queued email as it would go now (composers only read), for the staff's page."""
    try:
        message = message_for(email)
    except _Cancelled as reason:
        return Preview(problem=f"It would be cancelled, not sent: {reason}")
    except Exception as error:
        return Preview(problem=f"It cannot be written: {_describe(error)}")
    html = next((body for body, mimetype in message.alternatives if mimetype == "text/html"), "")
    return Preview(subject=message.subject, text=message.body, html=html)


def _describe(error: Exception) -> str:
    if isinstance(error, TemplateDoesNotExist | TemplateSyntaxError):
        return f"Template problem: {error}"
    return f"{type(error).__name__}: {error}"[:2000]


def _retry_later(email: Email, error: Exception, outcome: SendOutcome) -> None:
    """A 4xx to this email: again after the backoff, until it has had its attempts."""
    attempts = email.attempts + 1
    if attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        _finish(email, state=EmailState.FAILED, error=_describe(error), attempt=True)
        outcome.failed.append(email.pk)
        return
    now = timezone.now()
    Email.objects.filter(pk=email.pk, state=EmailState.SENDING).update(
        state=EmailState.QUEUED,
        attempts=attempts,
        last_error=_describe(error),
        send_after=now + retry_delay(attempts),
        dispatched_at=None,
        updated_at=now,
    )
    outcome.retrying.append(email.pk)


def _postpone(kind: str, error: Exception, emails: list[Email], outcome: SendOutcome) -> None:
    """The server's fault: these emails wait for its next try; their attempts are not spent."""
    fault = server_fault_record(kind=kind, error=_describe(error))
    ids = [email.pk for email in emails]
    Email.objects.filter(pk__in=ids, state=EmailState.SENDING).update(
        state=EmailState.QUEUED,
        # Staff are told on the outbox page, once; the row says only why it waits.
        last_error=f"Waiting for the mail server: {_describe(error)}",
        send_after=fault.next_try_at,
        dispatched_at=None,
        updated_at=timezone.now(),
    )
    outcome.postponed.extend(ids)
    logger.warning(
        "Outbox: %s (%s times in a row); %s emails wait until %s",
        fault.get_kind_display(),
        fault.failures,
        len(ids),
        fault.next_try_at,
    )


def _finish(email: Email, *, state: str, error: str, attempt: bool = False) -> None:
    Email.objects.filter(pk=email.pk, state=EmailState.SENDING).update(
        state=state,
        last_error=error,
        attempts=models.F("attempts") + (1 if attempt else 0),
        updated_at=timezone.now(),
    )


# The mark is written once per email between two sends: plain SQL, so building an
# ORM query does not cost more than the statement itself (it was a third of a send).
MARK_SENT_SQL = (
    f"UPDATE {Email._meta.db_table} SET state = %s, sent_at = %s, attempts = attempts + 1, "
    "last_error = '', updated_at = %s WHERE id = %s AND state = %s"
)


def _mark_sent(email: Email) -> None:
    """The server accepted it: one narrow UPDATE, committed on its own before the next send."""
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(MARK_SENT_SQL, [EmailState.SENT, now, now, email.pk, EmailState.SENDING])


def _keep_what_went(sent: list[tuple[Email, EmailMultiAlternatives]]) -> None:
    """Store the rendered subject and bodies of templated emails, for the outbox page."""
    rendered = []
    for email, message in sent:
        if not email.template_prefix:
            continue  # written by a person: stored as written already
        email.subject = message.subject[:300]
        email.body_text = message.body
        email.body_html = next(
            (content for content, mimetype in message.alternatives if mimetype == "text/html"),
            "",
        )
        rendered.append(email)
    if not rendered:
        return
    if connection.vendor != "postgresql":
        Email.objects.bulk_update(rendered, ["subject", "body_text", "body_html"])
        return
    # One statement for the batch; bulk_update's CASE per column costs more than the sending.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Email._meta.db_table} AS e SET subject = r.subject, "
            "body_text = r.body_text, body_html = r.body_html "
            "FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[]) "
            "AS r(id, subject, body_text, body_html) WHERE e.id = r.id",
            [
                [email.pk for email in rendered],
                [email.subject for email in rendered],
                [email.body_text for email in rendered],
                [email.body_html for email in rendered],
            ],
        )

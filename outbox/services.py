"""Writes for the outbox: queue an email once, dispatch the due ones, sweep, retry, opt out.

The database is the source of truth. A row is queued with a `send_after` time;
the beat's `dispatch_due` puts the ids of due rows on the broker (never a long
countdown); a worker claims rows that are still queued (row locks, SKIP
LOCKED), sends them over one SMTP connection and marks each one sent right
after the server accepted it. A row left "sending" by a worker that died is
swept back to the queue. Sending itself is outbox/sending.py.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from outbox.models import Email, EmailState, OptOut

logger = logging.getLogger(__name__)

DISPATCH_CHUNK = 100


class OutboxError(Exception):
    """A request the outbox refuses, in words for the person who asked."""


# Queueing ----------------------------------------------------------------------------------


def email_queue(
    *,
    to: str,
    kind: str,
    key: str,
    template_prefix: str = "",
    context: dict | None = None,
    subject: str = "",
    body_text: str = "",
    body_html: str = "",
    send_after: datetime.datetime | None = None,
    essential: bool = True,
    attachments: list[dict] | None = None,
    topic: str = "",
    about: models.Model | None = None,
    reply_to: str = "",
    revive_cancelled: bool = False,
) -> Email:
    """Queue one email, once: a second call with the same `key` returns the first row.

    Give `template_prefix` + `context` (rendered when it goes out) or `subject` +
    `body_text` (+ `body_html`). `send_after` defaults to now; a due email is put on
    the broker after the transaction commits, a later one waits for the beat.
    `revive_cancelled` queues a cancelled row with that key again (a seat taken anew).
    """
    if not template_prefix and not subject:
        raise OutboxError("An email needs a template or a subject.")
    now = timezone.now()
    send_after = send_after or now
    values = {
        "to": to,
        "kind": kind,
        "template_prefix": template_prefix,
        "context": context or {},
        "subject": subject,
        "body_text": body_text,
        "body_html": body_html,
        "send_after": send_after,
        "essential": essential,
        "attachments": attachments or [],
        "topic": topic,
        "content_type": ContentType.objects.get_for_model(about) if about is not None else None,
        "object_id": about.pk if about is not None else None,
        "reply_to": reply_to,
    }
    due = send_after <= now
    with transaction.atomic():
        try:
            with transaction.atomic():
                email = Email.objects.create(key=key, dispatched_at=now if due else None, **values)
        except IntegrityError:
            email = Email.objects.select_for_update().get(key=key)
            if not (revive_cancelled and email.state == EmailState.CANCELLED):
                return email
            for name, value in values.items():
                setattr(email, name, value)
            email.state = EmailState.QUEUED
            email.attempts = 0
            email.last_error = ""
            email.dispatched_at = now if due else None
            email.save()
        if due:
            _dispatch_on_commit([email.pk])
    return email


def emails_queue_many(*, emails: list[dict]) -> int:
    """Queue many emails at once (a planner's rows); keys that exist are left alone.

    Each dict holds `email_queue`'s arguments (template form only). Returns how many
    rows were new.
    """
    if not emails:
        return 0
    now = timezone.now()
    with transaction.atomic():
        existing = set(
            Email.objects.filter(key__in=[e["key"] for e in emails]).values_list("key", flat=True)
        )
        new_rows = []
        for values in emails:
            if values["key"] in existing:
                continue
            existing.add(values["key"])
            values = {**values}
            values.setdefault("send_after", now)
            values["context"] = values.get("context") or {}
            values["attachments"] = values.get("attachments") or []
            new_rows.append(Email(**values))
        Email.objects.bulk_create(new_rows, ignore_conflicts=True, batch_size=1000)
        due = [row.key for row in new_rows if row.send_after <= now]
        if due:
            ids = list(
                Email.objects.filter(
                    key__in=due, state=EmailState.QUEUED, dispatched_at__isnull=True
                ).values_list("pk", flat=True)
            )
            Email.objects.filter(pk__in=ids).update(dispatched_at=now)
            _dispatch_on_commit(ids)
    return len(new_rows)


def email_reschedule(*, key: str, send_after: datetime.datetime, context: dict | None = None):
    """Move a queued email to a new time (the meeting moved); False if it is not queued."""
    now = timezone.now()
    changes = {"send_after": send_after, "dispatched_at": now if send_after <= now else None}
    if context is not None:
        changes["context"] = context
    with transaction.atomic():
        updated = Email.objects.filter(key=key, state=EmailState.QUEUED).update(**changes)
        if updated and send_after <= now:
            pk = Email.objects.values_list("pk", flat=True).get(key=key)
            _dispatch_on_commit([pk])
    return bool(updated)


def emails_cancel(*, keys=None, topic: str | None = None, kind_prefix: str = "", reason: str):
    """Cancel queued emails by key, or by topic (and kind prefix); returns how many."""
    if keys is None and topic is None:
        raise OutboxError("Say which emails to cancel.")
    rows = Email.objects.filter(state=EmailState.QUEUED)
    if keys is not None:
        rows = rows.filter(key__in=list(keys))
    if topic is not None:
        rows = rows.filter(topic=topic)
    if kind_prefix:
        rows = rows.filter(kind__startswith=kind_prefix)
    with transaction.atomic():
        return rows.update(state=EmailState.CANCELLED, last_error=reason)


def email_retry(*, email_id: int) -> Email:
    """Staff's retry: a failed or cancelled email goes back to the queue, due now."""
    with transaction.atomic():
        email = Email.objects.select_for_update().get(pk=email_id)
        if not email.can_retry:
            state = email.get_state_display().lower()
            raise OutboxError(f"This email is {state}: nothing to retry.")
        now = timezone.now()
        email.state = EmailState.QUEUED
        email.send_after = now
        email.attempts = 0
        email.dispatched_at = now
        email.save(
            update_fields=["state", "send_after", "attempts", "dispatched_at", "updated_at"]
        )
        _dispatch_on_commit([email.pk])
    return email


def emails_retry_failed(*, kind: str = "", topic: str = "") -> int:
    """Staff's bulk retry: every failed email of one kind, or about one topic, due now.

    Returns how many went back to the queue (rows a worker holds are left alone).
    """
    if bool(kind) == bool(topic):
        raise OutboxError("Say which failed emails to retry: one kind, or one event or topic.")
    now = timezone.now()
    with transaction.atomic():
        rows = Email.objects.select_for_update(skip_locked=True).filter(state=EmailState.FAILED)
        rows = rows.filter(kind=kind) if kind else rows.filter(topic=topic)
        ids = list(rows.order_by("pk").values_list("pk", flat=True))
        Email.objects.filter(pk__in=ids).update(
            state=EmailState.QUEUED,
            send_after=now,
            attempts=0,
            dispatched_at=now,
            updated_at=now,
        )
        _dispatch_on_commit(ids)
    if ids:
        logger.info("Outbox: %s failed emails (%s) queued again by staff", len(ids), kind or topic)
    return len(ids)


def _dispatch_on_commit(email_ids: list[int]) -> None:
    from outbox.tasks import send_emails

    for start in range(0, len(email_ids), DISPATCH_CHUNK):
        chunk = email_ids[start : start + DISPATCH_CHUNK]
        transaction.on_commit(lambda chunk=chunk: send_emails.delay(email_ids=chunk))


# The beat's side ---------------------------------------------------------------------------


def emails_dispatch_due(*, now: datetime.datetime | None = None, limit: int = 50_000) -> int:
    """Put due queued rows on the broker, in chunks; rows put there recently are left alone.

    A task lost with the broker (Redis restarted) leaves its rows queued: after
    OUTBOX_REDISPATCH_SECONDS they are put on the broker again.
    """
    now = now or timezone.now()
    stale = now - datetime.timedelta(seconds=settings.OUTBOX_REDISPATCH_SECONDS)
    with transaction.atomic():
        ids = list(
            Email.objects.filter(state=EmailState.QUEUED, send_after__lte=now)
            .filter(models.Q(dispatched_at__isnull=True) | models.Q(dispatched_at__lt=stale))
            .order_by("send_after", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        Email.objects.filter(pk__in=ids).update(dispatched_at=now)
        _dispatch_on_commit(ids)
    return len(ids)


def emails_sweep_stuck(*, now: datetime.datetime | None = None) -> int:
    """Rows left "sending" longer than a worker may take go back to the queue."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.OUTBOX_STUCK_SECONDS)
    with transaction.atomic():
        swept = Email.objects.filter(state=EmailState.SENDING, claimed_at__lt=cutoff).update(
            state=EmailState.QUEUED,
            dispatched_at=None,
            last_error="The worker stopped while sending; queued again.",
        )
    if swept:
        logger.warning("Outbox: %s emails stuck in sending were queued again", swept)
    return swept


# Opting out --------------------------------------------------------------------------------


def opt_out(*, email: str) -> None:
    """No more non-essential mail to this address (reminders of their own meetings still go)."""
    with transaction.atomic():
        if not OptOut.objects.filter(email__iexact=email).exists():
            try:
                with transaction.atomic():
                    OptOut.objects.create(email=email.lower())
            except IntegrityError:
                pass  # a parallel click got there first


def opt_in(*, email: str) -> None:
    with transaction.atomic():
        OptOut.objects.filter(email__iexact=email).delete()


def is_opted_out(email: str) -> bool:
    return OptOut.objects.filter(email__iexact=email).exists()

"""Reads for the outbox pages."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from outbox.models import Email, EmailState


def emails_for_outbox():
    return Email.objects.defer("body_text", "body_html", "context", "attachments").order_by(
        "-send_after", "-pk"
    )


def outbox_counts(*, now: datetime.datetime | None = None) -> dict:
    """One query: how many in each state, how many due and waiting, sent in the last day."""
    now = now or timezone.now()
    counts = Email.objects.aggregate(
        queued=Count("pk", filter=Q(state=EmailState.QUEUED)),
        due=Count("pk", filter=Q(state=EmailState.QUEUED, send_after__lte=now)),
        sending=Count("pk", filter=Q(state=EmailState.SENDING)),
        sent_today=Count(
            "pk",
            filter=Q(state=EmailState.SENT, sent_at__gte=now - datetime.timedelta(days=1)),
        ),
        failed=Count("pk", filter=Q(state=EmailState.FAILED)),
        cancelled=Count("pk", filter=Q(state=EmailState.CANCELLED)),
    )
    return counts

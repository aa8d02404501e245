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
        sent=Count("pk", filter=Q(state=EmailState.SENT)),
        sent_today=Count(
            "pk",
            filter=Q(state=EmailState.SENT, sent_at__gte=now - datetime.timedelta(days=1)),
        ),
        failed=Count("pk", filter=Q(state=EmailState.FAILED)),
        cancelled=Count("pk", filter=Q(state=EmailState.CANCELLED)),
    )
    return counts


def outbox_tiles(counts: dict) -> list[dict]:
    """The at-a-glance tiles and bar: one per state, its count and its share of the outbox."""
    total = sum(counts[state] for state in EmailState.values) or 1
    notes = {
        EmailState.QUEUED: f"{counts['due']} due now",
        EmailState.SENDING: "with a worker",
        EmailState.SENT: f"{counts['sent_today']} in the last day",
        EmailState.FAILED: "need a look",
        EmailState.CANCELLED: "no longer apply",
    }
    return [
        {
            "state": state,
            "label": label.lower(),
            "count": counts[state],
            "note": notes[state],
            "share": round(100 * counts[state] / total, 2),
        }
        for state, label in EmailState.choices
    ]


def failed_groups() -> dict[str, list[dict]]:
    """Failed emails counted by kind and by topic (one query), for the bulk retry buttons."""
    rows = (
        Email.objects.filter(state=EmailState.FAILED)
        .values("kind", "topic")
        .annotate(count=Count("pk"))
        .order_by()
    )
    kinds: dict[str, int] = {}
    topics: dict[str, int] = {}
    for row in rows:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + row["count"]
        if row["topic"]:
            topics[row["topic"]] = topics.get(row["topic"], 0) + row["count"]
    return {
        "kinds": [{"kind": kind, "count": count} for kind, count in sorted(kinds.items())],
        "topics": [{"topic": topic, "count": count} for topic, count in sorted(topics.items())],
    }

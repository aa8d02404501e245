"""Words for the outbox pages: an email's kind as people say it."""

from django import template

from outbox import labels

register = template.Library()


@register.filter
def kind_label(kind: str) -> str:
    """`followup.feedback` → "Feedback request" (as its app registered it, else from the name)."""
    return labels.kind_label(kind)


def topic_label(topic: str) -> str:
    """One topic in words (pages with many rows use `labels.topic_labels` once instead)."""
    return labels.topic_labels([topic]).get(topic, topic)

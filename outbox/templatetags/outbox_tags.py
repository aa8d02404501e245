"""Words for the outbox pages: an email's kind as people say it."""

from django import template

register = template.Library()


@register.filter
def kind_label(kind: str) -> str:
    """`followup.before_meeting` → "Before meeting" (the app's prefix is for machines)."""
    name = kind.rsplit(".", 1)[-1].replace("_", " ").strip()
    return name[:1].upper() + name[1:]


@register.filter
def topic_label(topic: str) -> str:
    """What a topic is about, in words where the app can say it."""
    return topic

"""What an email is about, in words, for the staff's outbox pages.

The outbox knows no domain: the app that queues an email says, in its
AppConfig.ready(), how its kinds and its topics read.

    labels.register_kind("followup.feedback", "Feedback request")
    labels.register_topic("event", describe_events)

A topic is "<prefix>:<id>" ("event:3"). A topic describer takes the ids of
its prefix that a page shows, all at once, and returns {id: words} (one query
for any number of rows); ids it cannot find are left out. Whatever nobody
described still reads as words ("Coalition event 3"), never as a raw key.
"""

from collections.abc import Callable, Iterable

TopicDescriber = Callable[[list[int]], dict[int, str]]

_kinds: dict[str, str] = {}
_topics: dict[str, TopicDescriber] = {}


def register_kind(kind: str, label: str) -> None:
    _kinds[kind] = label


def register_topic(prefix: str, describer: TopicDescriber) -> None:
    _topics[prefix] = describer


def kind_label(kind: str) -> str:
    """The registered words, else `followup.before_meeting` → "Before meeting"."""
    if kind in _kinds:
        return _kinds[kind]
    name = kind.rsplit(".", 1)[-1].replace("_", " ").strip()
    return name[:1].upper() + name[1:]


def _split(topic: str) -> tuple[str, int | None]:
    prefix, _, number = topic.partition(":")
    return prefix, int(number) if number.isdigit() else None


def _fallback(topic: str) -> str:
    prefix, number = _split(topic)
    words = prefix.replace("-", " ").replace("_", " ").strip()
    words = words[:1].upper() + words[1:]
    return f"{words} {number}" if number is not None else words or topic


def topic_labels(topics: Iterable[str]) -> dict[str, str]:
    """Words for each topic: one describer call per prefix."""
    wanted: dict[str, set[int]] = {}
    topics = {topic for topic in topics if topic}
    for topic in topics:
        prefix, number = _split(topic)
        if number is not None and prefix in _topics:
            wanted.setdefault(prefix, set()).add(number)
    described: dict[str, str] = {}
    for prefix, numbers in wanted.items():
        for number, words in _topics[prefix](sorted(numbers)).items():
            described[f"{prefix}:{number}"] = words
    return {topic: described.get(topic) or _fallback(topic) for topic in topics}

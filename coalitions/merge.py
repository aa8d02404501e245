"""Templates with merge fields: `{{ name }}` replaced by a value, nothing else.

No template language runs on text a leader typed: the only syntax is a
field name between double braces, every name must be one the kind of
message offers, and anything else in braces is refused with a message that
names it. Values are inserted as plain text (escaped later where HTML is made).
"""

import re
from dataclasses import dataclass

from coalitions.models import TemplateKind

FIELD = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
STRAY = re.compile(r"\{\{|\}\}|\{%|%\}")

FIELDS: dict[str, dict[str, str]] = {
    TemplateKind.INVITATION: {
        "name": "the guest's full name",
        "first_name": "the guest's first name",
        "title": "the guest's title",
        "organisation": "the guest's organisation",
        "chapter": "the chapter's name",
        "event": "the event's name",
        "date": "the event's date and time",
        "venue": "the venue and address",
    },
    TemplateKind.INTRODUCTION: {
        "chapter": "the chapter's name",
        "state": "the states the chapter covers",
        "organisation": "the organisation written to",
        "contact_name": "the person written to",
        "sender": "your name",
    },
    TemplateKind.POSTCARD: {
        "lawmaker": "the lawmaker, e.g. Senator Smith",
        "name": "the writer's name",
        "city": "the writer's city",
        "event": "the event's name",
        "asks": "the event's asks, one a line",
        "chapter": "the chapter's name",
    },
    TemplateKind.THANK_YOU: {
        "name": "the guest's full name",
        "title": "the guest's title",
        "chapter": "the chapter's name",
        "event": "the event's name",
        "date": "the event's date",
    },
}


class MergeError(Exception):
    """A template uses a field its kind of message does not have, or stray braces."""


@dataclass(frozen=True)
class Default:
    subject: str
    body: str


DEFAULTS: dict[str, Default] = {
    TemplateKind.INVITATION: Default(
        subject="You are invited: {{ event }}",
        body=(
            "Dear {{ name }},\n\n"
            "{{ chapter }} and our partners would be honoured by your presence at "
            "{{ event }} on {{ date }}, at {{ venue }}.\n\n"
            "Neighbours, employers, congregations and legal advocates will talk about "
            "what fair and workable immigration policy means for our community, and what "
            "we hope our representatives in Washington will do about it. As {{ title }}, "
            "your voice would mean a great deal to the people in the room.\n\n"
            "Please let us know whether you can join us with the link below.\n\n"
            "With warm regards,\n{{ chapter }}"
        ),
    ),
    TemplateKind.INTRODUCTION: Default(
        subject="An introduction from {{ chapter }}",
        body=(
            "Dear {{ contact_name }},\n\n"
            "I am writing on behalf of {{ chapter }}, a group of immigration attorneys "
            "who live and practise in {{ state }}. Many of our clients are the workers, "
            "founders and families that businesses like the members of {{ organisation }} "
            "depend on.\n\n"
            "We believe employers and immigration lawyers want many of the same things: "
            "visa processing that is predictable, backlogs that do not keep skilled people "
            "waiting for years, and rules that let local businesses hire and grow. We would "
            "welcome a short conversation about where our interests meet, and whether we "
            "could speak together with our members of Congress.\n\n"
            "Could we find half an hour in the coming weeks?\n\n"
            "Sincerely,\n{{ sender }}\n{{ chapter }}"
        ),
    ),
    TemplateKind.POSTCARD: Default(
        subject="",
        body=(
            "Dear {{ lawmaker }},\n\n"
            "I am your constituent in {{ city }} and I came to {{ event }} today. "
            "I ask you to support:\n{{ asks }}\n\n"
            "Immigration policy shapes the lives of my neighbours. Please act on it.\n\n"
            "{{ name }}"
        ),
    ),
    TemplateKind.THANK_YOU: Default(
        subject="Thank you for joining us at {{ event }}",
        body=(
            "Dear {{ name }},\n\n"
            "Thank you for coming to {{ event }} on {{ date }}. It meant a great deal to "
            "the families, employers and advocates in the room to be heard by you, as "
            "{{ title }}.\n\n"
            "We will send the questions that came up and the materials we shared, and we "
            "would be glad to stay in touch on the issues discussed.\n\n"
            "With gratitude,\n{{ chapter }}"
        ),
    ),
}


def fields_used(text: str) -> list[str]:
    return [match.group(1) for match in FIELD.finditer(text)]


def check(*, kind: str, text: str) -> None:
    """Refuse unknown merge fields, naming them and the fields this kind offers."""
    allowed = FIELDS[kind]
    unknown = [name for name in fields_used(text) if name not in allowed]
    if unknown:
        names = ", ".join(f"{{{{ {name} }}}}" for name in dict.fromkeys(unknown))
        offered = ", ".join(f"{{{{ {name} }}}}" for name in allowed)
        plural = "s" if len(set(unknown)) > 1 else ""
        raise MergeError(f"Unknown merge field{plural} {names}. This message can use {offered}.")
    leftover = STRAY.search(FIELD.sub("", text))
    if leftover:
        raise MergeError(
            f"“{leftover.group(0)}” is not part of a merge field. Write fields as "
            "{{ name }}, with two braces on each side."
        )


def render(*, kind: str, text: str, values: dict[str, str]) -> str:
    check(kind=kind, text=text)
    return FIELD.sub(lambda match: str(values.get(match.group(1), "")), text)


def fill(*, kind: str, text: str, values: dict[str, str], keep: tuple[str, ...]) -> str:
    """Render every field but those in `keep`, which stay as written for a later step."""
    check(kind=kind, text=text)
    return FIELD.sub(
        lambda match: (
            match.group(0) if match.group(1) in keep else str(values.get(match.group(1), ""))
        ),
        text,
    )

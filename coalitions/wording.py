"""The built-in wording of a chapter's coalition messages and the merge fields of each kind.

Templates are checked and filled by the one merge engine (`common.merge`); a
chapter's `MessageTemplate` replaces the built-in text of its kind.
"""

from dataclasses import dataclass

from coalitions.models import TemplateKind
from common.merge import MergeFields

FIELDS: dict[str, MergeFields] = {
    TemplateKind.INVITATION: MergeFields(
        {
            "name": "the guest's full name",
            "first_name": "the guest's first name",
            "title": "the guest's title",
            "organisation": "the guest's organisation",
            "chapter": "the chapter's name",
            "event": "the event's name",
            "date": "the event's date and time",
            "venue": "the venue and address",
        }
    ),
    TemplateKind.INTRODUCTION: MergeFields(
        {
            "chapter": "the chapter's name",
            "state": "the states the chapter covers",
            "organisation": "the organisation written to",
            "contact_name": "the person written to",
            "sender": "your name",
        }
    ),
    TemplateKind.POSTCARD: MergeFields(
        {
            "lawmaker": "the lawmaker, e.g. Senator Smith",
            "name": "the writer's name",
            "city": "the writer's city",
            "event": "the event's name",
            "asks": "the event's asks, one a line",
            "chapter": "the chapter's name",
        }
    ),
    TemplateKind.THANK_YOU: MergeFields(
        {
            "name": "the guest's full name",
            "title": "the guest's title",
            "chapter": "the chapter's name",
            "event": "the event's name",
            "date": "the event's date",
        }
    ),
}


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

"""The campaign's letter and call script, filled in for one person and one lawmaker.

Both go through the one merge engine (`common.merge`): `{{ field }}` from the
list below, anything else refused by name when the campaign is saved and again
when a letter is made.
"""

from dataclasses import dataclass

from actions.models import Campaign
from common.merge import MergeError, MergeFields
from lawmakers.models import Lawmaker

LETTER_FIELDS = MergeFields(
    {
        "lawmaker": "the lawmaker as addressed: Senator Lindgren",
        "lawmaker_full_name": "the lawmaker's full name",
        "name": "the advocate's name",
        "city": "the advocate's town",
        "zip_code": "the advocate's ZIP code",
        "own_words": "what the advocate writes in their own words",
        "event": "the Day of Action the campaign belongs to",
    }
)
OWN_WORDS = "own_words"
OWN_WORDS_MAX = 3000


class LetterError(Exception):
    """A letter that cannot be made; the message says why."""


@dataclass
class Writer:
    """The person a letter or a call comes from, as they gave themselves to us."""

    name: str
    email: str = ""
    street: str = ""
    city: str = ""
    zip_code: str = ""
    own_words: str = ""


def salutation(lawmaker: Lawmaker) -> str:
    return f"{lawmaker.title} {lawmaker.last_name}"


def _values(campaign: Campaign, lawmaker: Lawmaker, writer: Writer) -> dict[str, str]:
    return {
        "lawmaker": salutation(lawmaker),
        "lawmaker_full_name": lawmaker.full_name,
        "name": writer.name,
        "city": writer.city,
        "zip_code": writer.zip_code,
        "own_words": writer.own_words.strip(),
        "event": campaign.event.name if campaign.event_id else "",
    }


def check_own_words(campaign: Campaign, own_words: str) -> str:
    own_words = (own_words or "").strip()
    if campaign.own_words_required and not own_words:
        raise LetterError(
            "Write a few sentences in your own words: offices give a personal letter far "
            "more weight than a form letter."
        )
    if len(own_words) > OWN_WORDS_MAX:
        raise LetterError(f"Keep your own words under {OWN_WORDS_MAX} characters.")
    return own_words


@dataclass
class Letter:
    subject: str
    body: str


def letter_for(*, campaign: Campaign, lawmaker: Lawmaker, writer: Writer) -> Letter:
    check_own_words(campaign, writer.own_words)
    values = _values(campaign, lawmaker, writer)
    try:
        subject = LETTER_FIELDS.render(campaign.letter_subject, values)
        body = LETTER_FIELDS.render(campaign.letter_body, values)
    except MergeError as error:  # saved before the rule changed: say so, never send it
        raise LetterError(f"The campaign's letter cannot be used: {error}") from None
    return Letter(subject=subject.strip(), body=body.strip())


def script_for(*, campaign: Campaign, lawmaker: Lawmaker, writer: Writer) -> str:
    try:
        return LETTER_FIELDS.render(
            campaign.call_script, _values(campaign, lawmaker, writer)
        ).strip()
    except MergeError as error:
        raise LetterError(f"The campaign's call script cannot be used: {error}") from None

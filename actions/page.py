"""The action page's data for one person: per lawmaker, the letter, the channels, the calls.

A fixed number of queries whatever the campaign: the ZIP rows, the state's
lawmakers, the committees and seats (targeting), the named lawmakers and the
district offices.
"""

from dataclasses import dataclass
from urllib.parse import quote

from actions.channels import OfficeChannels, offices_for, tel_href
from actions.letters import Letter, LetterError, letter_for, script_for
from actions.lookup import Target
from actions.models import Campaign, Channel
from actions.session import Person, writer_of


@dataclass
class Card:
    target: Target
    offices: OfficeChannels
    letter: Letter | None
    letter_problem: str
    script: str

    @property
    def lawmaker(self):
        return self.target.lawmaker

    @property
    def channels(self) -> list[str]:
        return self.offices.letter_channels

    @property
    def has_form(self) -> bool:
        return Channel.CONTACT_FORM in self.channels

    @property
    def has_email(self) -> bool:
        return Channel.EMAIL in self.channels

    @property
    def has_outbox(self) -> bool:
        return Channel.OUTBOX_EMAIL in self.channels

    @property
    def capitol_tel(self) -> str:
        return tel_href(self.lawmaker.phone)

    @property
    def district_tel(self) -> str:
        nearest = self.offices.nearest
        return tel_href(nearest.office.phone) if nearest else ""

    @property
    def mailto(self) -> str:
        if not (self.letter and self.lawmaker.email):
            return ""
        return (
            f"mailto:{self.lawmaker.email}?subject={quote(self.letter.subject)}"
            f"&body={quote(self.letter.body)}"
        )

    @property
    def letter_text(self) -> str:
        return f"{self.letter.subject}\n\n{self.letter.body}" if self.letter else ""


def cards_for(*, campaign: Campaign, person: Person, targets: list[Target]) -> list[Card]:
    lawmakers = [target.lawmaker for target in targets]
    offices = offices_for(campaign=campaign, lawmakers=lawmakers, zip5=person.zip_code[:5])
    writer = writer_of(person)
    cards = []
    for target in targets:
        lawmaker = target.lawmaker
        letter, problem = None, ""
        try:
            letter = letter_for(campaign=campaign, lawmaker=lawmaker, writer=writer)
        except LetterError as error:
            problem = str(error)
        try:
            script = script_for(campaign=campaign, lawmaker=lawmaker, writer=writer)
        except LetterError as error:
            script = str(error)
        cards.append(Card(target, offices[lawmaker.pk], letter, problem, script))
    return cards

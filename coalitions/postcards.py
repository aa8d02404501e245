"""The action after the event: a postcard from a guest to their own members of Congress.

The guest is not an account, so their lawmakers are matched with the members'
matching (`members.constituency`) on a small stand-in for a profile.
"""

from django.db import transaction
from django.utils import timezone

from coalitions import selectors
from coalitions.models import CoalitionEvent, Guest, Postcard, TemplateKind
from coalitions.wording import FIELDS
from common.merge import MergeError, MergeFields
from lawmakers.models import Chamber, Lawmaker, Level
from members.constituency import Home, constituencies_for, district_label

SENATE_ZIP = "20510"
HOUSE_ZIP = "20515"
# The message a guest signs: everything is written out but the lawmaker, filled per card.
CARD_FIELDS = MergeFields({"lawmaker": FIELDS[TemplateKind.POSTCARD].fields["lawmaker"]})


class PostcardError(Exception):
    """A postcard that cannot be addressed or written; the message says why."""


class DistrictChoiceNeeded(PostcardError):
    def __init__(self, state: str, districts: list[int]):
        self.districts = districts
        labels = ", ".join(district_label(state, d) for d in districts)
        super().__init__(
            f"Your ZIP code lies in more than one congressional district ({labels}): choose yours."
        )


def own_members_of_congress(
    *, state: str, zip_code: str, district: int | None = None
) -> list[Lawmaker]:
    """Two senators and the representative for a home, or a PostcardError saying why not."""
    zip5 = (zip_code or "").strip()[:5]
    home = Home(state=state, zip_code=zip5, congressional_district=district)
    constituency = constituencies_for([home])[home.pk]
    if constituency.needs_district_choice:
        raise DistrictChoiceNeeded(state, constituency.candidate_districts)
    if constituency.district is None:
        raise PostcardError(
            f"We cannot find ZIP code {zip5 or '(none)'} in {state or '(no state)'}. "
            "Check the ZIP code and the state of your home address."
        )
    found = [*constituency.senators, constituency.representative]
    return [lawmaker for lawmaker in found if lawmaker is not None]


def salutation(lawmaker: Lawmaker) -> str:
    return f"{lawmaker.title} {lawmaker.last_name}"


def dc_address_lines(lawmaker: Lawmaker) -> list[str]:
    """The lawmaker's Washington office as it goes on the card."""
    senate = lawmaker.level == Level.FEDERAL and lawmaker.chamber == Chamber.UPPER
    office = (
        f"{lawmaker.office_room} {lawmaker.get_office_building_display()}"
        if lawmaker.office_room and lawmaker.office_building
        else lawmaker.office_raw
    )
    return [
        f"The Honorable {lawmaker.full_name}",
        "United States Senate" if senate else "U.S. House of Representatives",
        office,
        f"Washington, DC {SENATE_ZIP if senate else HOUSE_ZIP}",
    ]


def postcard_starting_text(*, event: CoalitionEvent, name: str = "", city: str = "") -> str:
    """The chapter's postcard template with everything but the lawmaker filled in."""
    template = selectors.template_for(chapter=event.chapter, kind=TemplateKind.POSTCARD)
    asks = "\n".join(f"- {ask}" for ask in event.ask_list)
    values = {
        "name": name,
        "city": city or "our community",
        "event": event.name,
        "asks": asks,
        "chapter": event.chapter.name,
    }
    return FIELDS[TemplateKind.POSTCARD].render(template.body, values, keep=("lawmaker",))


def card_text(postcard: Postcard, lawmaker: Lawmaker) -> str:
    return CARD_FIELDS.render(postcard.message, {"lawmaker": salutation(lawmaker)})


@transaction.atomic
def postcard_create(
    *,
    event: CoalitionEvent,
    name: str,
    street: str,
    city: str,
    state: str,
    zip_code: str,
    message: str,
    email: str = "",
    district: int | None = None,
    guest: Guest | None = None,
) -> Postcard:
    lawmakers = own_members_of_congress(state=state, zip_code=zip_code, district=district)
    if not lawmakers:
        raise PostcardError(f"No serving members of Congress found for {state}.")
    try:
        CARD_FIELDS.check(message)
    except MergeError as error:
        raise PostcardError(str(error)) from None
    postcard = Postcard.objects.create(
        event=event,
        guest=guest,
        name=name.strip(),
        street=street.strip(),
        city=city.strip(),
        state=state,
        zip_code=zip_code.strip(),
        email=email.strip().lower(),
        message=message.strip(),
    )
    postcard.lawmakers.set(lawmakers)
    return postcard


@transaction.atomic
def postcards_mark_printed(*, event: CoalitionEvent) -> int:
    return Postcard.objects.filter(event=event, printed_at__isnull=True).update(
        printed_at=timezone.now()
    )

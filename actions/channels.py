"""How a message really reaches an office, said plainly, and which office to call.

From the data: a contact form where Congress's data names one (most senators,
hardly any representatives), the published email of a state legislator, and
always a printed letter, addressed to the nearest district office because mail
to Washington is screened and arrives weeks late. Calls go to the Washington
(or capitol) office and to the district office nearest the person's ZIP centre.

ZIP centres come from the `zipcodes` package, which ships them offline.
"""

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import zipcodes

from actions.models import Campaign, Channel
from lawmakers.models import Chamber, DistrictOffice, Lawmaker, Level

EARTH_RADIUS_MILES = 3958.8
# The fields an office's web form usually asks for, so the person has them ready.
FORM_CHECKLIST = (
    "Your title, first and last name",
    "Your home street address, city and ZIP code (the office checks you live there)",
    "Your email address and phone number",
    "A topic: choose Immigration",
    "The subject and the letter: paste the text you copied",
)


def zip_centre(zip5: str) -> tuple[float, float] | None:
    """The ZIP code's centre (latitude, longitude), or None when the package has no such ZIP."""
    try:
        found = zipcodes.matching(zip5)
    except (TypeError, ValueError):
        return None
    for row in found:
        try:
            return float(row["lat"]), float(row["long"])
        except (KeyError, TypeError, ValueError):
            continue
    return None


def zip_city(zip5: str) -> str:
    """The ZIP code's town as the postal service names it, for a person who gave none."""
    try:
        found = zipcodes.matching(zip5)
    except (TypeError, ValueError):
        return ""
    return found[0]["city"].title() if found and found[0].get("city") else ""


def miles_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


@dataclass
class NearbyOffice:
    office: DistrictOffice
    miles: float | None


def nearest_office(
    offices: Iterable[DistrictOffice], centre: tuple[float, float] | None
) -> NearbyOffice | None:
    """The office closest to the centre; without coordinates, the first with a phone."""
    offices = list(offices)
    placed = [o for o in offices if o.latitude is not None and o.longitude is not None]
    if centre and placed:
        distances = [(miles_between(centre, (o.latitude, o.longitude)), o) for o in placed]
        miles, office = min(distances, key=lambda pair: (pair[0], pair[1].source_id))
        return NearbyOffice(office=office, miles=round(miles, 1))
    with_phone = [o for o in offices if o.phone] or offices
    return NearbyOffice(office=with_phone[0], miles=None) if with_phone else None


def district_offices_by_lawmaker(lawmaker_ids: Iterable[int]) -> dict[int, list[DistrictOffice]]:
    found = defaultdict(list)
    for office in DistrictOffice.objects.filter(lawmaker_id__in=list(lawmaker_ids)):
        found[office.lawmaker_id].append(office)
    return found


@dataclass
class OfficeChannels:
    """Everything the action page offers for one lawmaker."""

    lawmaker: Lawmaker
    letter_channels: list[str]
    explanation: str
    nearest: NearbyOffice | None
    other_offices: list[DistrictOffice] = field(default_factory=list)

    @property
    def capitol_phone(self) -> str:
        return self.lawmaker.phone

    @property
    def print_address(self) -> list[str]:
        return print_address(self.lawmaker, self.nearest.office if self.nearest else None)


def letter_channels(lawmaker: Lawmaker, campaign: Campaign) -> tuple[list[str], str]:
    """The channels this office takes a letter by, best first, and why, in one sentence."""
    channels = []
    if lawmaker.contact_form:
        channels.append(Channel.CONTACT_FORM)
    if lawmaker.email:
        if campaign.allows_outbox_email:
            channels.append(Channel.OUTBOX_EMAIL)
        channels.append(Channel.EMAIL)
    channels.append(Channel.PRINTED)
    if lawmaker.contact_form:
        why = (
            "This office takes messages through its own web form: we open it in a new tab "
            "and you paste your letter. We cannot see whether it arrives."
        )
    elif lawmaker.email:
        why = "This office publishes an email address: your letter goes there."
    elif lawmaker.level == Level.FEDERAL and lawmaker.chamber == Chamber.LOWER:
        why = (
            "The House takes email only through its own system, which checks you live in "
            "the district: print your letter and post it to the district office, or call."
        )
    else:
        why = "We know no web form or email for this office: print and post your letter, or call."
    return channels, why


def offices_for(
    *, campaign: Campaign, lawmakers: list[Lawmaker], zip5: str
) -> dict[int, OfficeChannels]:
    """Each lawmaker's channels and nearest district office, in one query."""
    centre = zip_centre(zip5) if zip5 else None
    offices = district_offices_by_lawmaker(lawmaker.pk for lawmaker in lawmakers)
    found = {}
    for lawmaker in lawmakers:
        channels, why = letter_channels(lawmaker, campaign)
        nearest = nearest_office(offices.get(lawmaker.pk, []), centre)
        others = [o for o in offices.get(lawmaker.pk, []) if nearest and o.pk != nearest.office.pk]
        found[lawmaker.pk] = OfficeChannels(lawmaker, channels, why, nearest, others)
    return found


def print_address(lawmaker: Lawmaker, office: DistrictOffice | None) -> list[str]:
    """Where a printed letter goes: the district office, else the capitol's mailing address."""
    lines = [f"The Honorable {lawmaker.full_name}"]
    if office is not None and office.address:
        lines += [part for part in (office.building, office.address, office.suite) if part]
        lines.append(f"{office.city}, {office.state} {office.zip_code}".strip(", "))
        return lines
    if lawmaker.level == Level.FEDERAL:
        senate = lawmaker.chamber == Chamber.UPPER
        lines.append("United States Senate" if senate else "U.S. House of Representatives")
        room = (
            f"{lawmaker.office_room} {lawmaker.get_office_building_display()}"
            if lawmaker.office_room and lawmaker.office_building
            else lawmaker.office_raw
        )
        lines += [room, f"Washington, DC {'20510' if senate else '20515'}"]
    elif lawmaker.mailing_address:
        lines += [part.strip() for part in lawmaker.mailing_address.split(";") if part.strip()]
    elif lawmaker.office_raw:
        lines.append(lawmaker.office_raw)
    return [line for line in lines if line]


def tel_href(phone: str) -> str:
    """A tel: address from a published number: digits only, with the US country code."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) == 10:
        digits = "1" + digits
    return f"tel:+{digits}" if digits else ""

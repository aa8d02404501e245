"""A member's own lawmakers, from their state, ZIP code and chosen districts.

The ZCTA table maps a ZIP to one or more congressional districts. Where it
gives several, the member chooses; we never guess. State legislative districts
cannot be derived from a ZIP with the data we have, so the member picks them
from the districts the imported legislature has.

`constituencies_for` works on many profiles at once with a fixed number of
queries, so chapter pages can count constituents without a query per member.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction

from lawmakers.models import Chamber, Lawmaker, Level, ZipDistrict
from members.models import Profile


@dataclass
class Home:
    """What `constituencies_for` reads from a profile, for someone without one (a guest
    at a coalition event, a supporter in the action centre): a state and ZIP code, and
    the districts where they are known."""

    state: str
    zip_code: str
    congressional_district: int | None = None
    state_upper_district: str = ""
    state_lower_district: str = ""
    pk: int = 0


@dataclass
class Constituency:
    state: str
    zip5: str
    problem: str = ""
    candidate_districts: list[int] = field(default_factory=list)
    district: int | None = None
    senators: list[Lawmaker] = field(default_factory=list)
    representative: Lawmaker | None = None
    has_state_data: bool = False
    state_upper: Lawmaker | None = None
    state_lower: Lawmaker | None = None
    upper_districts: list[str] = field(default_factory=list)
    lower_districts: list[str] = field(default_factory=list)

    @property
    def needs_district_choice(self) -> bool:
        return self.district is None and len(self.candidate_districts) > 1

    @property
    def seat_is_vacant(self) -> bool:
        return self.district is not None and self.representative is None

    @property
    def needs_state_choice(self) -> bool:
        return self.has_state_data and (self.state_upper is None or self.state_lower is None)

    @property
    def lawmakers(self) -> list[Lawmaker]:
        found = [*self.senators, self.representative, self.state_upper, self.state_lower]
        return [lawmaker for lawmaker in found if lawmaker is not None]


class DistrictChoiceError(Exception):
    """A chosen district is not one the member can be in."""


def _natural(district: str):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", district)]


def district_label(state: str, district: int) -> str:
    return f"{state} at-large" if district == 0 else f"{state}-{district}"


def constituencies_for(profiles) -> dict[int, Constituency]:
    """Constituency per profile id, in three queries whatever the number of profiles."""
    profiles = list(profiles)
    zips = {p.zip_code[:5] for p in profiles if p.zip_code}
    states = {p.state for p in profiles if p.state}
    zip_rows: dict[str, list[tuple[str, int]]] = defaultdict(list)
    if zips:
        for zcta, state, district in ZipDistrict.objects.filter(zcta__in=zips).values_list(
            "zcta", "state", "district"
        ):
            zip_rows[zcta].append((state, district))
    by_state: dict[str, list[Lawmaker]] = defaultdict(list)
    if states:
        for lawmaker in Lawmaker.objects.serving().filter(state__in=states):
            by_state[lawmaker.state].append(lawmaker)
    return {
        profile.pk: _resolve(profile, zip_rows, by_state.get(profile.state, []))
        for profile in profiles
    }


def constituency_for(profile: Profile) -> Constituency:
    return constituencies_for([profile])[profile.pk]


def represents(profile: Profile, lawmaker: Lawmaker) -> bool:
    """Is this lawmaker one of the profile's own? `constituency_for`'s answer, in one query.

    Only this lawmaker is weighed instead of the state's whole list: who represents
    the member is decided seat by seat (the senators of their state, the member of
    their district), so the answer about one lawmaker does not depend on the others.
    """
    if not profile.state or lawmaker.state != profile.state or not lawmaker.in_office:
        return False
    zips = {}
    zip5 = (profile.zip_code or "")[:5]
    if zip5:
        zips[zip5] = list(ZipDistrict.objects.filter(zcta=zip5).values_list("state", "district"))
    return any(own.pk == lawmaker.pk for own in _resolve(profile, zips, [lawmaker]).lawmakers)


def _resolve(profile: Profile, zip_rows, lawmakers: list[Lawmaker]) -> Constituency:
    state, zip5 = profile.state, (profile.zip_code or "")[:5]
    result = Constituency(state=state, zip5=zip5)
    if not state:
        result.problem = "Add your home state and ZIP code to your profile to see your lawmakers."
        return result
    federal = [lm for lm in lawmakers if lm.level == Level.FEDERAL]
    house = {int(lm.district): lm for lm in federal if lm.chamber == Chamber.LOWER}
    result.senators = sorted(
        (lm for lm in federal if lm.chamber == Chamber.UPPER), key=lambda lm: lm.last_name
    )
    found = _zip_reading(state=state, zip5=zip5, rows=zip_rows.get(zip5, []))
    if found.districts:
        result.candidate_districts = found.districts
    elif set(house) == {0}:
        # A single at-large seat (AK, WY, DC, the territories): no ZIP needed.
        result.candidate_districts = [0]
    elif not zip5:
        result.problem = "Add your home ZIP code to your profile to find your representative."
    elif found.unknown:
        result.problem = found.problem
    else:
        result.problem = f"{found.problem} Check the state and ZIP code in your profile."
    if len(result.candidate_districts) == 1:
        result.district = result.candidate_districts[0]
    elif profile.congressional_district in result.candidate_districts:
        result.district = profile.congressional_district
    if result.district is not None:
        result.representative = house.get(result.district)

    legislature = [lm for lm in lawmakers if lm.level == Level.STATE]
    if legislature:
        result.has_state_data = True
        upper = {lm.district: lm for lm in legislature if lm.chamber == Chamber.UPPER}
        lower = {lm.district: lm for lm in legislature if lm.chamber == Chamber.LOWER}
        result.upper_districts = sorted(upper, key=_natural)
        result.lower_districts = sorted(lower, key=_natural)
        result.state_upper = upper.get(profile.state_upper_district)
        result.state_lower = lower.get(profile.state_lower_district)
    return result


@dataclass
class ZipCheck:
    """What a state and ZIP code say of a home, for the profile form to ask or flag at once."""

    districts: list[int]
    problem: str = ""
    unknown: bool = False  # not in the ZIP table at all: worth a second look, not an error


def _zip_reading(*, state: str, zip5: str, rows: list[tuple[str, int]]) -> ZipCheck:
    """What the ZIP table's (state, district) rows for a ZIP say of a home in `state`.

    The one rule for a ZIP of another state and for a ZIP the table does not know,
    used by the lawmakers of a profile and by the profile form.
    """
    in_state = sorted({district for row_state, district in rows if row_state == state})
    if in_state:
        return ZipCheck(districts=in_state)
    if rows:
        elsewhere = ", ".join(sorted({row_state for row_state, _ in rows}))
        return ZipCheck(districts=[], problem=f"ZIP code {zip5} is in {elsewhere}, not {state}.")
    return ZipCheck(
        districts=[],
        unknown=True,
        problem=(
            f"ZIP code {zip5} is not in the Census ZIP-area table (PO-box and "
            "single-organisation ZIP codes often are not), so we cannot find your "
            "representative from it. Check it, or give your home ZIP code."
        ),
    )


def zip_check(*, state: str, zip_code: str) -> ZipCheck:
    """The districts a state and ZIP code allow, and what is wrong with them if anything."""
    zip5 = (zip_code or "")[:5]
    if not (state and len(zip5) == 5 and zip5.isascii() and zip5.isdigit()):
        # Nothing to look up, or not a ZIP code at all (its own field says so).
        return ZipCheck(districts=[])
    rows = list(ZipDistrict.objects.filter(zcta=zip5).values_list("state", "district"))
    if not rows and not ZipDistrict.objects.exists():
        return ZipCheck(districts=[])  # no table imported: nothing to check against
    return _zip_reading(state=state, zip5=zip5, rows=rows)


@transaction.atomic
def profile_choose_districts(
    *,
    profile: Profile,
    congressional_district: int | None,
    state_upper_district: str = "",
    state_lower_district: str = "",
) -> Profile:
    """Save the member's choice of districts, refusing any their ZIP and state rule out."""
    constituency = constituency_for(profile)
    if congressional_district is not None and (
        congressional_district not in constituency.candidate_districts
    ):
        raise DistrictChoiceError(
            f"{district_label(profile.state, congressional_district)} is not a district "
            f"of ZIP code {constituency.zip5 or '(none)'}."
        )
    if state_upper_district and state_upper_district not in constituency.upper_districts:
        raise DistrictChoiceError(f"{state_upper_district} is not a state senate district.")
    if state_lower_district and state_lower_district not in constituency.lower_districts:
        raise DistrictChoiceError(f"{state_lower_district} is not a state house district.")
    profile.congressional_district = congressional_district
    profile.state_upper_district = state_upper_district
    profile.state_lower_district = state_lower_district
    profile.save(
        update_fields=[
            "congressional_district",
            "state_upper_district",
            "state_lower_district",
            "updated_at",
        ]
    )
    return profile

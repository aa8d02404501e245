"""Whom a person writes to and calls: their own lawmakers, as the campaign targets them.

A home is matched with the members' matching (`members.constituency`), on a
small stand-in for a profile, so a ZIP code that spans districts is asked,
never guessed. Congressional districts come from the ZIP table; state
districts cannot, so the person picks them from the imported legislature.
"""

import re
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects

from actions.models import Campaign
from lawmakers.models import Chamber, Lawmaker, Level, ZipDistrict
from members.constituency import Constituency, Home, constituencies_for, district_label
from talkingpoints.selectors import committee_seats_by_lawmaker, reasons_for

ZIP = re.compile(r"\d{5}(-\d{4})?\Z")


class LookupProblem(Exception):
    """The home cannot be matched to lawmakers; the message says what to do."""


@dataclass
class Target:
    lawmaker: Lawmaker
    own: bool
    reasons: list[str] = field(default_factory=list)


@dataclass
class Lookup:
    home: Home
    constituency: Constituency
    states: list[str]
    targets: list[Target] = field(default_factory=list)

    @property
    def needs_state_choice(self) -> bool:
        return not self.home.state and len(self.states) > 1

    @property
    def needs_district_choice(self) -> bool:
        return self.constituency.needs_district_choice

    @property
    def district_choices(self) -> list[tuple[int, str]]:
        """Each district the ZIP lies in, with its representative's name to help the choice."""
        state, districts = self.home.state, self.constituency.candidate_districts
        members = {
            int(lawmaker.district): lawmaker.full_name
            for lawmaker in Lawmaker.objects.serving().filter(
                level=Level.FEDERAL,
                chamber=Chamber.LOWER,
                state=state,
                district__in=[str(d) for d in districts],
            )
        }
        return [
            (
                d,
                f"{district_label(state, d)} ({members[d]})"
                if d in members
                else district_label(state, d),
            )
            for d in districts
        ]

    @property
    def complete(self) -> bool:
        return not (self.needs_state_choice or self.needs_district_choice)


def clean_zip(raw: str) -> str:
    raw = (raw or "").strip()
    if not ZIP.match(raw):
        raise LookupProblem("Enter a five-digit ZIP code, such as 55102.")
    return raw[:5]


def zip_states(zip5: str) -> list[str]:
    return sorted(set(ZipDistrict.objects.filter(zcta=zip5).values_list("state", flat=True)))


def lookup_home(
    *,
    campaign: Campaign,
    zip_code: str,
    state: str = "",
    district: int | None = None,
    upper: str = "",
    lower: str = "",
) -> Lookup:
    """The person's lawmakers for this campaign, or LookupProblem saying what is wrong."""
    zip5 = clean_zip(zip_code)
    states = zip_states(zip5)
    if not states:
        raise LookupProblem(
            f"We cannot find ZIP code {zip5} in the Census ZIP-area table (PO-box and "
            "single-organisation ZIP codes are not in it). Give the ZIP code of your home."
        )
    if campaign.level == Level.STATE:
        if campaign.state not in states:
            raise LookupProblem(
                f"ZIP code {zip5} is in {', '.join(states)}: this campaign is for the "
                f"{campaign.state} legislature, so it is open to people who live in "
                f"{campaign.state}."
            )
        state = campaign.state
    elif state not in states:
        state = states[0] if len(states) == 1 else ""
    home = Home(
        state=state,
        zip_code=zip5,
        congressional_district=district,
        state_upper_district=upper,
        state_lower_district=lower,
    )
    constituency = constituencies_for([home])[home.pk] if state else Constituency("", zip5)
    found = Lookup(home=home, constituency=constituency, states=states)
    if found.complete:
        found.targets = targets_for(campaign=campaign, constituency=constituency)
    return found


def targets_for(*, campaign: Campaign, constituency: Constituency) -> list[Target]:
    """The campaign's targets for one home: own lawmakers it aims at, then the named ones.

    Two queries, three when it aims at committees: the campaign's committees, the
    own lawmakers' seats on them, and the named lawmakers.
    """
    own = [
        lawmaker
        for lawmaker in constituency.lawmakers
        if lawmaker.level == campaign.level
        and lawmaker.state == (campaign.state or lawmaker.state)
    ]
    targets = []
    if campaign.target_own and own:
        # Loaded once here, so targeting reads them from memory for every lawmaker.
        prefetch_related_objects([campaign], "target_committees")
        targeted = campaign.target_committees.all()
        seats = committee_seats_by_lawmaker(lm.pk for lm in own) if targeted else {}
        for lawmaker in own:
            reasons = reasons_for(campaign, lawmaker, seats.get(lawmaker.pk, []))
            if reasons is not None:
                targets.append(Target(lawmaker=lawmaker, own=True, reasons=reasons))
    own_ids = {lawmaker.pk for lawmaker in own}
    for lawmaker in campaign.target_lawmakers.serving():
        if not any(target.lawmaker.pk == lawmaker.pk for target in targets):
            targets.append(Target(lawmaker=lawmaker, own=lawmaker.pk in own_ids))
    return targets

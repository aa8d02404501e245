"""The lookup, the nearest district office and the channels, on the real public data.

The nearest office is checked against the district-offices file itself, read here
with the csv module: every office of the lawmaker in the file, by distance from
the ZIP's centre.
"""

import csv
import math

import pytest
from django.conf import settings

from actions.channels import letter_channels, offices_for, zip_centre
from actions.lookup import LookupProblem, lookup_home
from actions.models import Channel
from lawmakers.models import Chamber, Lawmaker, Level
from tests.actions.factories import CampaignFactory
from tests.lawmakers.fixtures import real_lawmakers  # noqa: F401 - a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_lawmakers")]

OFFICES_CSV = (
    settings.LAWMAKER_DATA_DIR / "congress-legislators" / "legislators-district-offices.csv"
)


def offices_in_file(bioguide: str) -> list[dict]:
    with open(OFFICES_CSV, newline="", encoding="utf-8") as file:
        return [row for row in csv.DictReader(file) if row["bioguide"] == bioguide]


def nearest_in_file(bioguide: str, zip5: str) -> str:
    lat, lon = zip_centre(zip5)

    def miles(row):
        la, lo = math.radians(float(row["latitude"])), math.radians(float(row["longitude"]))
        a, b = math.radians(lat), math.radians(lon)
        h = math.sin((la - a) / 2) ** 2 + math.cos(a) * math.cos(la) * math.sin((lo - b) / 2) ** 2
        return 2 * 3958.8 * math.asin(math.sqrt(h))

    placed = [row for row in offices_in_file(bioguide) if row["latitude"]]
    return min(placed, key=miles)["id"]


def test_a_zip_spanning_two_districts_is_asked_then_gives_three_lawmakers():
    campaign = CampaignFactory()
    lookup = lookup_home(campaign=campaign, zip_code="55001")
    assert lookup.needs_district_choice
    assert [d for d, _ in lookup.district_choices] == [2, 4]
    assert lookup.targets == []
    lookup = lookup_home(campaign=campaign, zip_code="55001", district=2)
    names = sorted(target.lawmaker.full_name for target in lookup.targets)
    assert names == ["Amy Klobuchar", "Angie Craig", "Tina Smith"]


def test_a_zip_the_census_table_lacks_is_refused():
    with pytest.raises(LookupProblem, match="cannot find ZIP code 00000"):
        lookup_home(campaign=CampaignFactory(), zip_code="00000")


@pytest.mark.parametrize("zip5", ["56560", "55803", "55001", "55902"])
@pytest.mark.parametrize("bioguide", ["K000367", "S001203"])
def test_the_nearest_district_office_is_the_files_nearest(zip5, bioguide):
    senator = Lawmaker.objects.get(public_id=bioguide)
    found = offices_for(campaign=CampaignFactory(), lawmakers=[senator], zip5=zip5)
    assert found[senator.pk].nearest.office.source_id == nearest_in_file(bioguide, zip5)


def test_moorhead_calls_moorhead_and_the_twin_cities_call_the_twin_cities():
    smith = Lawmaker.objects.get(public_id="S001203")
    campaign = CampaignFactory()
    assert (
        offices_for(campaign=campaign, lawmakers=[smith], zip5="56560")[
            smith.pk
        ].nearest.office.city
        == "Moorhead"
    )
    assert (
        offices_for(campaign=campaign, lawmakers=[smith], zip5="55119")[
            smith.pk
        ].nearest.office.city
        == "Saint Paul"
    )


def test_channels_per_office_come_from_the_data():
    campaign = CampaignFactory(allows_outbox_email=True)
    klobuchar = Lawmaker.objects.get(public_id="K000367")
    craig = Lawmaker.objects.get(public_id="C001119")
    assert letter_channels(klobuchar, campaign)[0] == [Channel.CONTACT_FORM, Channel.PRINTED]
    channels, why = letter_channels(craig, campaign)
    assert channels == [Channel.PRINTED]
    assert "The House takes email only through its own system" in why
    legislator = Lawmaker.objects.filter(level=Level.STATE, state="MN").exclude(email="").first()
    assert letter_channels(legislator, campaign)[0] == [
        Channel.OUTBOX_EMAIL,
        Channel.EMAIL,
        Channel.PRINTED,
    ]
    assert letter_channels(legislator, CampaignFactory())[0] == [Channel.EMAIL, Channel.PRINTED]


def test_counts_of_channels_match_the_datas_own():
    """87 of 100 senators and 2 of 437 representatives name a form; state legislators email."""
    congress = Lawmaker.objects.filter(level=Level.FEDERAL)
    with_form = congress.exclude(contact_form="")
    assert with_form.filter(chamber=Chamber.UPPER).count() == 87
    assert with_form.filter(chamber=Chamber.LOWER).count() == 2
    assert not Lawmaker.objects.filter(level=Level.STATE, is_serving=True, email="").exists()


def test_a_state_campaign_finds_the_chosen_state_legislators():
    campaign = CampaignFactory(level=Level.STATE, state="MN")
    upper = Lawmaker.objects.serving().filter(level=Level.STATE, state="MN", chamber="upper")
    senator = upper.order_by("district").first()
    lookup = lookup_home(campaign=campaign, zip_code="55104", upper=senator.district)
    assert [target.lawmaker for target in lookup.targets] == [senator]
    with pytest.raises(LookupProblem, match="this campaign is for the MN legislature"):
        lookup_home(campaign=campaign, zip_code="37203")

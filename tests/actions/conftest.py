import pytest

from lawmakers.models import Chamber, Level, ZipDistrict
from tests.actions.factories import CampaignFactory, DistrictOfficeFactory
from tests.lawmakers.factories import StateLegislatorFactory
from tests.meetings.factories import LawmakerFactory


@pytest.fixture(autouse=True)
def generous_limits(settings):
    """Rate limits count in the shared Redis; tests that test them set their own."""
    settings.ACTIONS_LIMIT_PER_ADDRESS = 100_000
    settings.ACTIONS_LIMIT_PER_EMAIL = 100_000


@pytest.fixture
def delegation(db):
    """MN's two senators (one with a web form), MN-4 and MN-5; 55119 spans both districts.

    Offices: the MN-4 member has one in Saint Paul and one in Duluth, far north, so the
    nearest to 55119 (Saint Paul's east side) is Saint Paul's.
    """
    ZipDistrict.objects.bulk_create(
        [
            ZipDistrict(zcta="55102", state="MN", district=4),
            ZipDistrict(zcta="55119", state="MN", district=4),
            ZipDistrict(zcta="55119", state="MN", district=5),
            ZipDistrict(zcta="55401", state="MN", district=5),
            ZipDistrict(zcta="37203", state="TN", district=5),
        ]
    )
    senator_a = LawmakerFactory(
        first_name="Ada",
        last_name="Lindgren",
        full_name="Ada Lindgren",
        phone="202-224-3244",
        contact_form="https://www.senate.gov/lindgren/contact",
    )
    senator_b = LawmakerFactory(
        first_name="Tom", last_name="Berg", full_name="Tom Berg", phone="202-224-5641"
    )
    mn4 = LawmakerFactory(
        chamber=Chamber.LOWER,
        district="4",
        first_name="Ben",
        last_name="Vang",
        full_name="Ben Vang",
        phone="202-225-6631",
    )
    mn5 = LawmakerFactory(
        chamber=Chamber.LOWER,
        district="5",
        first_name="Ilse",
        last_name="Okonkwo",
        full_name="Ilse Okonkwo",
        phone="202-225-4755",
    )
    st_paul = DistrictOfficeFactory(
        lawmaker=mn4, city="Saint Paul", phone="651-224-9191", latitude=44.95, longitude=-93.09
    )
    duluth = DistrictOfficeFactory(
        lawmaker=mn4, city="Duluth", phone="218-555-0199", latitude=46.78, longitude=-92.10
    )
    DistrictOfficeFactory(lawmaker=senator_a, city="Minneapolis", latitude=44.98, longitude=-93.27)
    return {
        "senator_a": senator_a,
        "senator_b": senator_b,
        "mn4": mn4,
        "mn5": mn5,
        "st_paul": st_paul,
        "duluth": duluth,
    }


@pytest.fixture
def campaign(db):
    return CampaignFactory()


@pytest.fixture
def state_lawmakers(db):
    return {
        "upper": StateLegislatorFactory(
            chamber=Chamber.UPPER, district="65", email="sen.65@senate.mn", last_name="Pappas"
        ),
        "lower": StateLegislatorFactory(
            chamber=Chamber.LOWER, district="65A", email="rep.65a@house.mn", last_name="Her"
        ),
    }


@pytest.fixture
def state_campaign(chapter):
    return CampaignFactory(
        level=Level.STATE, state="MN", chapter=chapter, allows_outbox_email=True, slug="mn-day"
    )

"""A small world for the action centre's browser tests: a ZIP spanning two districts.

ZIP 55001 (Afton, MN) lies in MN-2 and MN-4, as in the Census table. The offices,
phones and the senator's web form are shaped like the real data's.
"""

from dataclasses import dataclass

import pytest

from actions.models import Campaign
from lawmakers.models import Chamber, Lawmaker, ZipDistrict
from members.models import User
from tests.actions.factories import CampaignFactory, DistrictOfficeFactory
from tests.factories import StaffFactory
from tests.meetings.factories import LawmakerFactory


@pytest.fixture
def generous_limits(settings):
    """The live server runs in this process: other tests' requests from 127.0.0.1 in the
    last minutes count in the same window, so the journeys lift the limits (tested apart)."""
    settings.ACTIONS_LIMIT_PER_ADDRESS = 100_000
    settings.ACTIONS_LIMIT_PER_EMAIL = 100_000


@dataclass
class ActionWorld:
    campaign: Campaign
    senator: Lawmaker
    other_senator: Lawmaker
    representative: Lawmaker
    staff: User


def action_world() -> ActionWorld:
    ZipDistrict.objects.bulk_create(
        [
            ZipDistrict(zcta="55001", state="MN", district=2),
            ZipDistrict(zcta="55001", state="MN", district=4),
        ]
    )
    senator = LawmakerFactory(
        first_name="Ada",
        last_name="Lindgren",
        full_name="Ada Lindgren",
        phone="202-224-3244",
        contact_form="https://www.lindgren.senate.gov/contact",
    )
    other_senator = LawmakerFactory(
        first_name="Tom", last_name="Berg", full_name="Tom Berg", phone="202-224-5641"
    )
    representative = LawmakerFactory(
        chamber=Chamber.LOWER,
        district="2",
        first_name="Angela",
        last_name="Kraig",
        full_name="Angela Kraig",
        phone="202-225-2271",
    )
    LawmakerFactory(chamber=Chamber.LOWER, district="4", last_name="Notmine", phone="1")
    DistrictOfficeFactory(
        lawmaker=representative,
        city="Eagan",
        address="2100 Pilot Knob Road",
        suite="Suite 300",
        zip_code="55122",
        phone="651-846-2120",
        hours="Monday to Friday, 9 to 5",
        latitude=44.787,
        longitude=-93.203,
    )
    DistrictOfficeFactory(
        lawmaker=representative,
        city="Red Wing",
        phone="651-555-0177",
        latitude=44.56,
        longitude=-92.53,
    )
    DistrictOfficeFactory(
        lawmaker=senator, city="Saint Paul", phone="651-221-1016", latitude=44.94, longitude=-93.08
    )
    campaign = CampaignFactory(slug="fund-counsel", title="Fund counsel for people who cannot pay")
    return ActionWorld(campaign, senator, other_senator, representative, StaffFactory())

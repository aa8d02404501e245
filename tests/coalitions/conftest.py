import pytest

from lawmakers.models import Building, CapitolSide, Chamber, ZipDistrict
from tests.coalitions.factories import CoalitionEventFactory
from tests.meetings.factories import LawmakerFactory


@pytest.fixture
def coalition_event(chapter):
    return CoalitionEventFactory(chapter=chapter, name="Minneapolis community forum")


@pytest.fixture
def mn_delegation(db):
    """Minnesota's two senators and the representatives of MN-5 and MN-4; ZIPs to match."""
    ZipDistrict.objects.bulk_create(
        [
            ZipDistrict(zcta="55401", state="MN", district=5),
            ZipDistrict(zcta="55102", state="MN", district=4),
            ZipDistrict(zcta="55119", state="MN", district=4),
            ZipDistrict(zcta="55119", state="MN", district=5),
        ]
    )
    return {
        "senator_a": LawmakerFactory(
            first_name="Ada",
            last_name="Lindgren",
            full_name="Ada Lindgren",
            office_building=Building.HART,
            office_room="309",
        ),
        "senator_b": LawmakerFactory(
            first_name="Tom",
            last_name="Berg",
            full_name="Tom Berg",
            office_building=Building.RUSSELL,
            office_room="425",
        ),
        "mn5": LawmakerFactory(
            chamber=Chamber.LOWER,
            district="5",
            first_name="Ilse",
            last_name="Okonkwo",
            full_name="Ilse Okonkwo",
            office_building=Building.LONGWORTH,
            office_room="1217",
            capitol_side=CapitolSide.HOUSE,
        ),
        "mn4": LawmakerFactory(
            chamber=Chamber.LOWER,
            district="4",
            first_name="Ben",
            last_name="Vang",
            full_name="Ben Vang",
            office_building=Building.CANNON,
            office_room="236",
            capitol_side=CapitolSide.HOUSE,
        ),
        "wi_senator": LawmakerFactory(state="WI", last_name="Elsewhere"),
    }

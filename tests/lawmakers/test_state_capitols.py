"""State legislators' capitol offices read into a building and a room, as meetings need."""

import copy

import pytest

from lawmakers.capitol import parse_state_office
from lawmakers.models import Building, Lawmaker
from tests.lawmakers import datasets
from tests.lawmakers.datasets import dataset, write_dataset


@pytest.mark.parametrize(
    ("text", "state", "expected"),
    [
        (
            "Room 612, Cordell Hull Building 425 Rep. John Lewis Way North, Nashville, TN 37243",
            "TN",
            (Building.TN_CORDELL_HULL, "612"),
        ),
        ("State Capitol, Room G-1, Nashville, TN 37243", "TN", (Building.TN_CAPITOL, "G-1")),
        (
            "Room 136F, State House 24 Beacon St., Boston, MA 02133",
            "MA",
            (Building.MA_STATE_HOUSE, "136F"),
        ),
        (
            "Room 24-B, State House 24 Beacon St., Boston, MA 02133",
            "MA",
            (Building.MA_STATE_HOUSE, "24-B"),
        ),
        ("State House 24 Beacon St., Boston, MA 02133", "MA", (Building.MA_STATE_HOUSE, "")),
        ("1021 O St. Suite 7310, Sacramento, CA 95814", "CA", (Building.CA_O_STREET, "7310")),
        (
            "Room 5250, 1021 O St. P.O. Box 942849, Sacramento, CA 94249",
            "CA",
            (Building.CA_O_STREET, "5250"),
        ),
        ("Room 390, 1020 N St., Sacramento, CA 95814", "CA", (Building.CA_N_STREET, "390")),
        (
            "Capitol Annex, Room 101, Sacramento, CA 95814",
            "CA",
            (Building.CA_CAPITOL_ANNEX, "101"),
        ),
        (
            "Room 3225, Minnesota Senate Building 95 University Ave. West, St. Paul, MN 55155",
            "MN",
            (Building.MN_SENATE, "3225"),
        ),
        (
            "Centennial Office Building 658 Cedar St., Fifth Floor, St. Paul, MN 55155",
            "MN",
            (Building.MN_CENTENNIAL, "Fifth floor"),
        ),
        (
            "Room 328, Capitol Building 75 Rev. Dr. Martin Luther King Jr. Blvd., St. Paul, MN",
            "MN",
            (Building.MN_CAPITOL, "328"),
        ),
        (
            "Room 453, State Office Building, St. Paul, MN 55155",
            "MN",
            (Building.MN_STATE_OFFICE, "453"),
        ),
    ],
)
def test_parse_state_office_building_and_room(text, state, expected):
    office = parse_state_office(text, state)
    assert (office.building, office.room, office.side) == (*expected, "")


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("", "MN"),
        ("100 Rev. Dr. Martin Luther King Jr. Blvd., Saint Paul, MN 55155", "MN"),
        # The words of one state's buildings mean nothing in another's.
        ("Room 612, Cordell Hull Building, Nashville", "MN"),
        ("Room 12, State House, Montpelier", "VT"),
    ],
)
def test_parse_state_office_unknown_stays_empty(text, state):
    assert tuple(parse_state_office(text, state)) == ("", "", "")


def test_import_fills_state_legislators_building_and_room(db, tmp_path, import_folder):
    member = copy.deepcopy(datasets.MN_MEMBER)
    member["offices"][0]["address"] = (
        "Room 2205, Minnesota Senate Building 95 University Ave. West, St. Paul, MN 55155"
    )
    root = write_dataset(
        tmp_path / "data",
        dataset(**{"openstates-people/mn/legislature/Mia-Minnesota-1111.yml": member}),
    )

    import_folder(root)

    imported = Lawmaker.objects.get(public_id=member["id"])
    assert (imported.office_building, imported.office_room, imported.capitol_side) == (
        Building.MN_SENATE,
        "2205",
        "",
    )
    assert imported.office_raw.startswith("Room 2205, Minnesota Senate Building")
    # No capitol office at all: nothing to place the meeting with.
    senator = Lawmaker.objects.get(public_id=datasets.MN_SENATOR["id"])
    assert (senator.office_building, senator.office_room) == ("", "")

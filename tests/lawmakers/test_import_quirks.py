"""Hand-made files, one quirk of the real data each, imported from tmp_path."""

import copy

from lawmakers.models import (
    Building,
    CapitolSide,
    Chamber,
    Committee,
    CommitteeSeat,
    DistrictOffice,
    Lawmaker,
    ZipDistrict,
)
from lawmakers.services import vacant_house_seats
from tests.lawmakers import datasets
from tests.lawmakers.datasets import dataset, write_dataset


def test_import_appointed_senator_is_marked_with_term_end(db, small_data, import_folder):
    import_folder(small_data)
    senator = Lawmaker.objects.get(public_id="S000002")
    assert senator.is_appointed
    assert str(senator.term_end) == "2026-11-03"
    assert senator.title == "Senator"
    assert (senator.office_building, senator.capitol_side) == (Building.RUSSELL, "senate")


def test_import_delegate_is_non_voting(db, small_data, import_folder):
    import_folder(small_data)
    delegate = Lawmaker.objects.get(public_id="D000001")
    assert (delegate.state, delegate.district, delegate.is_voting) == ("DC", "0", False)
    assert delegate.title == "Delegate"


def test_import_at_large_district_is_zero(db, small_data, import_folder):
    import_folder(small_data)
    at_large = Lawmaker.objects.get(public_id="R000001")
    assert (at_large.district, at_large.seat, at_large.is_voting) == ("0", "AK at-large", True)


def test_import_new_member_without_office_or_full_name(db, small_data, import_folder):
    import_folder(small_data)
    newcomer = Lawmaker.objects.get(public_id="N000001")
    assert newcomer.full_name == "Nell Newcomer"
    assert (newcomer.office_raw, newcomer.office_building, newcomer.phone) == ("", "", "")
    assert not newcomer.district_offices.exists()


def test_import_district_offices_keep_zip_leading_zeros(db, small_data, import_folder):
    summary = import_folder(small_data)
    zips = dict(
        DistrictOffice.objects.filter(lawmaker__level="federal").values_list(
            "source_id", "zip_code"
        )
    )
    assert zips == {"R000002-worcester": "01608", "R000002-newton": "02458"}
    office = DistrictOffice.objects.get(source_id="R000002-worcester")
    assert (office.latitude, office.longitude) == (42.26, -71.8)
    assert summary.skipped["district offices of someone not in legislators-current"] == 1


def test_import_zcta_csv_with_crlf_leading_zeros_and_several_districts(
    db, small_data, import_folder
):
    import_folder(small_data)
    rows = set(ZipDistrict.objects.values_list("zcta", "state", "district"))
    assert rows == {
        ("01002", "MA", 1),
        ("01002", "MA", 2),
        ("01608", "MA", 2),
        ("99501", "AK", 0),
        ("20001", "DC", 0),
        ("02138", "MA", 5),
    }


def test_import_vacant_house_seat_is_reported(db, small_data, import_folder):
    summary = import_folder(small_data)
    assert vacant_house_seats() == ["MA-5"]
    assert "Vacant House seats: MA-5" in summary.lines()


def test_import_committees_with_subcommittees_titles_and_capitol_rooms(
    db, small_data, import_folder
):
    summary = import_folder(small_data)
    sub = Committee.objects.get(code="HSJU01")
    assert sub.parent.code == "HSJU"
    assert (sub.office_building, sub.office_room) == (Building.CAPITOL, "H307")
    judiciary = Committee.objects.get(code="HSJU")
    assert (judiciary.office_building, judiciary.office_room) == (Building.RAYBURN, "2138")
    chair = CommitteeSeat.objects.get(committee=judiciary, lawmaker__public_id="R000002")
    assert (chair.title, chair.rank, chair.side) == ("Chairman", 1, "majority")
    assert CommitteeSeat.objects.count() == 4
    assert summary.skipped["committee seat of someone not in legislators-current"] == 1


def test_import_state_legislators_current_role_only(db, small_data, import_folder):
    summary = import_folder(small_data)
    member = Lawmaker.objects.get(public_id=datasets.MN_MEMBER["id"])
    assert (member.state, member.chamber, member.district) == ("MN", Chamber.LOWER, "62A")
    assert member.party == "Democratic-Farmer-Labor"
    assert member.phone == "651-296-0000"
    assert member.district_offices.count() == 1
    assert not Lawmaker.objects.filter(public_id=datasets.MN_LEFT["id"]).exists()
    assert summary.skipped["MN legislator with no current seat (role ended)"] == 1


def test_import_rerun_updates_changes_and_retires_who_left(
    db, small_data, tmp_path, import_folder
):
    import_folder(small_data)
    legislators = copy.deepcopy(datasets.LEGISLATORS)
    legislators[-1]["terms"][-1]["phone"] = "202-225-9999"
    del legislators[0]  # the senator left office
    changed = write_dataset(
        tmp_path / "changed",
        dataset(**{"congress-legislators/legislators-current.yaml": legislators}),
    )
    summary = import_folder(changed)
    counts = summary.counts["lawmakers in Congress"]
    assert (counts.created, counts.updated, counts.retired, counts.unchanged) == (0, 1, 1, 4)
    gone = Lawmaker.objects.get(public_id="S000001")
    assert gone.is_serving is False
    assert not CommitteeSeat.objects.filter(lawmaker=gone).exists()
    assert Lawmaker.objects.get(public_id="R000002").phone == "202-225-9999"


def test_import_rerun_unchanged_counts_everything_unchanged(db, small_data, import_folder):
    import_folder(small_data)
    summary = import_folder(small_data)
    assert all(c.created == c.updated == c.retired == 0 for c in summary.counts.values())
    assert summary.counts["ZIP (ZCTA) to district rows"].unchanged == 6


def test_import_returning_lawmaker_serves_again(db, small_data, tmp_path, import_folder):
    import_folder(small_data)
    Lawmaker.objects.filter(public_id="R000001").update(is_serving=False)
    import_folder(small_data)
    assert Lawmaker.objects.get(public_id="R000001").is_serving is True


def test_import_capitol_side_parsed_for_house_and_senate(db, small_data, import_folder):
    import_folder(small_data)
    sides = dict(Lawmaker.objects.values_list("public_id", "capitol_side"))
    assert sides["S000001"] == CapitolSide.SENATE
    assert sides["R000002"] == CapitolSide.HOUSE
    assert sides["N000001"] == ""

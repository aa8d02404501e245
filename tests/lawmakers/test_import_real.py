"""The real files in ../shared/data: the counts its README gives, an unchanged
re-run, and the same files downloaded over HTTP."""

import datetime
from collections import Counter

import pytest
import time_machine
from django.core.management import call_command

from lawmakers.importers.sources import url_sources
from lawmakers.models import (
    Building,
    CampusBuilding,
    CapitolSide,
    Chamber,
    Committee,
    CommitteeSeat,
    DistrictOffice,
    Lawmaker,
    Level,
    ZipDistrict,
)
from lawmakers.services import lawmakers_import
from tests.lawmakers.fixtures import REAL_STATES, import_real_data

pytestmark = pytest.mark.usefixtures("real_lawmakers")


def test_real_import_congress_counts_match_readme(db):
    congress = Lawmaker.objects.filter(level=Level.FEDERAL, is_serving=True)
    assert congress.count() == 537
    assert congress.filter(chamber=Chamber.UPPER).count() == 100
    assert congress.filter(chamber=Chamber.LOWER).count() == 437
    assert congress.filter(chamber=Chamber.LOWER, is_voting=False).count() == 6
    assert congress.filter(party="Republican").count() == 274
    assert congress.filter(party="Democrat").count() == 260
    assert congress.filter(party="Independent").count() == 3


def test_real_import_appointed_senators_stop_serving_when_their_terms_end(db):
    congress = Lawmaker.objects.filter(level=Level.FEDERAL)
    with time_machine.travel(datetime.datetime(2026, 11, 3, 18, tzinfo=datetime.UTC)):
        assert congress.serving().count() == 537
    with time_machine.travel(datetime.datetime(2026, 11, 4, 18, tzinfo=datetime.UTC)):
        assert congress.serving().count() == 535
        assert congress.serving().filter(chamber=Chamber.UPPER).count() == 98
        gone = congress.not_serving().filter(is_serving=True)
        assert set(gone.values_list("state", flat=True)) == {"OH", "FL"}
        assert all(lawmaker.is_appointed for lawmaker in gone)


def test_real_import_committees_seats_and_offices_match_readme(db):
    assert Committee.objects.filter(parent=None).count() == 49
    assert Committee.objects.exclude(parent=None).count() == 181
    assert CommitteeSeat.objects.count() == 3879
    assert DistrictOffice.objects.filter(lawmaker__level=Level.FEDERAL).count() == 1312
    with_coordinates = DistrictOffice.objects.filter(
        lawmaker__level=Level.FEDERAL, latitude__isnull=False
    )
    assert with_coordinates.count() == 1293


def test_real_import_state_legislatures_match_readme(db):
    serving = Lawmaker.objects.filter(level=Level.STATE, is_serving=True)
    expected = {"MN": (67, 133), "TN": (33, 99), "MA": (40, 158), "CA": (40, 80)}
    for state, (upper, lower) in expected.items():
        assert serving.filter(state=state, chamber=Chamber.UPPER).count() == upper, state
        assert serving.filter(state=state, chamber=Chamber.LOWER).count() == lower, state
    assert not serving.filter(state="MN", chamber=Chamber.LOWER, district="21A").exists()
    assert serving.filter(state="MN", district="62A").exists()
    assert serving.filter(state="MA", district__contains="Barnstable").exists()


def test_real_import_zip_table_keeps_leading_zeros_and_multi_district_zctas(db):
    assert ZipDistrict.objects.count() == 42033
    assert ZipDistrict.objects.values("zcta").distinct().count() == 33774
    assert set(ZipDistrict.objects.filter(zcta="01002").values_list("district", flat=True)) == {
        1,
        2,
    }
    assert ZipDistrict.objects.filter(state="DC", district=0).exists()


def test_real_import_summary_names_counts_skips_and_vacancies(db, real_lawmakers):
    summary = real_lawmakers
    assert summary.counts["lawmakers in Congress"].created == 537
    assert summary.counts["committee seats"].created == 3879
    assert summary.skipped == {"MN legislator with no current seat (role ended)": 1}
    lines = summary.lines()
    assert (
        "Congress: 537 serving: 100 senators (3 appointed), 437 in the House "
        "(431 voting, 6 non-voting delegates)"
    ) in lines
    assert "Vacant House seats: CA-14, FL-20, GA-13, TX-23" in lines


def test_real_import_quirks_in_the_real_records(db):
    newcomer = Lawmaker.objects.get(public_id="G000607")
    assert (newcomer.state, newcomer.district, newcomer.office_raw) == ("CA", "1", "")
    assert newcomer.full_name == "James Gallagher"
    assert not newcomer.district_offices.exists()
    appointed = Lawmaker.objects.filter(is_appointed=True, chamber=Chamber.UPPER)
    assert {"OH", "FL"} <= set(appointed.values_list("state", flat=True))
    delegates = Lawmaker.objects.filter(level=Level.FEDERAL, is_voting=False)
    assert set(delegates.values_list("state", flat=True)) == {"AS", "DC", "GU", "MP", "PR", "VI"}
    assert set(delegates.values_list("district", flat=True)) == {"0"}
    cantwell = Lawmaker.objects.get(public_id="C000127")
    assert (cantwell.office_building, cantwell.office_room, cantwell.capitol_side) == (
        Building.HART,
        "511",
        CapitolSide.SENATE,
    )
    buildings = set(
        Lawmaker.objects.filter(level=Level.FEDERAL).values_list("office_building", flat=True)
    )
    assert buildings == {
        "",
        Building.RUSSELL,
        Building.DIRKSEN,
        Building.HART,
        Building.CANNON,
        Building.LONGWORTH,
        Building.RAYBURN,
    }


def test_real_import_state_capitol_offices_become_buildings_and_rooms(db):
    serving = Lawmaker.objects.filter(level=Level.STATE, is_serving=True)
    buildings = {
        state: Counter(serving.filter(state=state).values_list("office_building", flat=True))
        for state in REAL_STATES
    }
    # Every legislator with a published capitol office is placed in a building.
    assert not serving.exclude(office_raw="").filter(office_building="").exists()
    assert buildings["TN"] == {Building.TN_CORDELL_HULL: 131, "": 1}
    assert buildings["MA"] == {Building.MA_STATE_HOUSE: 198}
    # California's legislators work from the Annex's swing space while it is rebuilt.
    assert buildings["CA"] == {Building.CA_O_STREET: 119, Building.CA_N_STREET: 1}
    assert buildings["MN"] == {
        Building.MN_CENTENNIAL: 131,
        Building.MN_SENATE: 66,
        Building.MN_CAPITOL: 1,
        "": 2,
    }
    rooms = serving.exclude(office_building="").filter(office_room="")
    assert list(rooms.values_list("state", flat=True)) == ["MA"]
    # Each building is one of its state's campus.
    for state, counts in buildings.items():
        campus = set(
            CampusBuilding.objects.filter(campus__state=state).values_list("code", flat=True)
        )
        assert set(counts) - {""} <= campus, state


def test_real_import_chairs_and_ranking_members_are_kept(db):
    seat = CommitteeSeat.objects.select_related("lawmaker").get(
        committee__code="SSAF", rank=1, side="majority"
    )
    assert seat.title == "Chairman"
    assert CommitteeSeat.objects.filter(title="Ranking Member").count() == 217


def test_real_import_rerun_unchanged_writes_nothing(db):
    summary = import_real_data()
    for label, counts in summary.counts.items():
        assert (counts.created, counts.updated, counts.retired, counts.removed) == (0, 0, 0, 0), (
            label
        )
    assert summary.counts["ZIP (ZCTA) to district rows"].unchanged == 42033


def test_real_import_by_download_from_local_http_server(db, data_server):
    sources = url_sources(data_server)
    summary = lawmakers_import(
        congress_source=sources["congress"],
        openstates_source=sources["openstates"],
        states=REAL_STATES,
        zcta_source=sources["zcta"],
    )
    assert summary.counts["lawmakers in Congress"].unchanged == 537
    assert summary.counts["lawmakers in the MA legislature"].unchanged == 198
    assert summary.counts["ZIP (ZCTA) to district rows"].unchanged == 42033
    assert sum(c.created + c.updated for c in summary.counts.values()) == 0


def test_import_command_by_base_url_prints_summary(db, data_server, capsys):
    call_command("import_lawmakers", "--base-url", data_server, "--only", "congress")
    out = capsys.readouterr().out
    assert "lawmakers in Congress: 0 created, 0 updated, 537 unchanged" in out
    assert "Committees: 49 committees, 181 subcommittees, 3879 seats" in out

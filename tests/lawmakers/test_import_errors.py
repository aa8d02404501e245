"""Malformed input stops the import with a message naming file and record, and
nothing is half-imported."""

import copy

import pytest
from django.core.management import CommandError, call_command

from lawmakers.importers.errors import DataFileError
from lawmakers.models import Committee, Lawmaker, ZipDistrict
from tests.lawmakers import datasets
from tests.lawmakers.datasets import dataset, write_dataset

LEGISLATORS = "congress-legislators/legislators-current.yaml"


def _write(tmp_path, **changes):
    return write_dataset(tmp_path / "data", dataset(**changes))


def _nothing_imported():
    return (Lawmaker.objects.count(), Committee.objects.count(), ZipDistrict.objects.count()) == (
        0,
        0,
        0,
    )


def test_import_bad_yaml_names_file_and_line(db, tmp_path, import_folder):
    root = _write(tmp_path, **{LEGISLATORS: "- id: {bioguide: A1\n  name: [unclosed\n"})
    with pytest.raises(DataFileError) as error:
        import_folder(root)
    assert "legislators-current.yaml" in str(error.value)
    assert "is not valid YAML" in str(error.value)
    assert "line " in str(error.value)
    assert _nothing_imported()


def test_import_missing_required_field_names_record(db, tmp_path, import_folder):
    legislators = copy.deepcopy(datasets.LEGISLATORS)
    del legislators[2]["terms"]
    root = _write(tmp_path, **{LEGISLATORS: legislators})
    with pytest.raises(DataFileError) as error:
        import_folder(root)
    assert str(error.value).endswith(
        "legislators-current.yaml, record 3 (R000001): missing required field 'terms'"
    )
    assert _nothing_imported()


def test_import_missing_bioguide_names_record(db, tmp_path, import_folder):
    legislators = copy.deepcopy(datasets.LEGISLATORS)
    legislators[1]["id"] = {"govtrack": 1}
    root = _write(tmp_path, **{LEGISLATORS: legislators})
    with pytest.raises(DataFileError, match=r"record 2: missing required field 'bioguide'"):
        import_folder(root)
    assert _nothing_imported()


def test_import_unknown_state_in_congress_stops(db, tmp_path, import_folder):
    legislators = copy.deepcopy(datasets.LEGISLATORS)
    legislators[4]["terms"][-1]["state"] = "ZZ"
    root = _write(tmp_path, **{LEGISLATORS: legislators})
    with pytest.raises(DataFileError, match=r"record 5 \(N000001\): unknown state 'ZZ'"):
        import_folder(root)
    assert _nothing_imported()


def test_import_unknown_state_in_zcta_stops_after_good_files(db, tmp_path, import_folder):
    # Congress and Open States parse fine; the last file is bad: nothing is written.
    zccd = datasets.ZCCD + "99,ZZ,12345,1\r\n"
    root = _write(tmp_path, **{"zip-congressional-districts/zccd.csv": zccd})
    with pytest.raises(DataFileError, match=r"zccd.csv, line 8: unknown state 'ZZ'"):
        import_folder(root)
    assert _nothing_imported()


def test_import_zcta_missing_column_stops(db, tmp_path, import_folder):
    root = _write(
        tmp_path, **{"zip-congressional-districts/zccd.csv": "state,zip\r\nMA,01002\r\n"}
    )
    with pytest.raises(DataFileError, match="missing column"):
        import_folder(root)
    assert _nothing_imported()


def test_import_openstates_person_missing_roles_names_file(db, tmp_path, import_folder):
    person = copy.deepcopy(datasets.MN_SENATOR)
    del person["roles"]
    root = _write(tmp_path, **{"openstates-people/mn/legislature/Sol-Senator-2222.yml": person})
    with pytest.raises(DataFileError) as error:
        import_folder(root)
    assert "Sol-Senator-2222.yml, ocd-person/2222" in str(error.value)
    assert "missing required field 'roles'" in str(error.value)
    assert _nothing_imported()


def test_import_unknown_state_folder_stops(db, tmp_path, import_folder):
    root = _write(tmp_path)
    (root / "openstates-people/zz/legislature").mkdir(parents=True)
    with pytest.raises(DataFileError, match="unknown state 'ZZ'"):
        import_folder(root, states=("ZZ",))
    assert _nothing_imported()


def test_import_missing_file_names_it(db, tmp_path, import_folder):
    root = _write(tmp_path, **{"congress-legislators/committees-current.yaml": None})
    with pytest.raises(DataFileError, match=r"committees-current.yaml: file not found"):
        import_folder(root)
    assert _nothing_imported()


def test_import_failure_keeps_previous_import_intact(db, small_data, tmp_path, import_folder):
    import_folder(small_data)
    before = Lawmaker.objects.filter(is_serving=True).count()
    broken = write_dataset(
        tmp_path / "broken",
        dataset(
            **{"zip-congressional-districts/zccd.csv": "state_abbr,zcta,cd\r\nMA,ABCDE,1\r\n"}
        ),
    )
    with pytest.raises(DataFileError):
        import_folder(broken)
    assert Lawmaker.objects.filter(is_serving=True).count() == before
    assert ZipDistrict.objects.count() == 6


def test_import_command_reports_error_without_traceback(db, tmp_path):
    root = _write(tmp_path, **{LEGISLATORS: "[not: closed"})
    with pytest.raises(CommandError, match=r"Nothing was imported\. .*legislators-current\.yaml"):
        call_command("import_lawmakers", "--path", str(root), "--states", "MN")
    assert _nothing_imported()


def test_import_command_download_failure_is_a_clear_error(db):
    with pytest.raises(CommandError, match="download failed"):
        call_command("import_lawmakers", "--base-url", "http://127.0.0.1:9/", "--only", "zcta")


def test_import_bad_json_twin_names_file(db, tmp_path, import_folder):
    root = _write(tmp_path, **{"congress-legislators/legislators-current.json": "[{"})
    with pytest.raises(DataFileError, match=r"legislators-current\.json: is not valid JSON"):
        import_folder(root)
    assert _nothing_imported()

"""The weekly refresh (download path), folder listings, and office parsing."""

import json

import pytest
from django.conf import settings

from lawmakers.capitol import parse_office
from lawmakers.importers.sources import UrlSource
from lawmakers.models import Lawmaker, ZipDistrict
from lawmakers.tasks import refresh_lawmakers
from tests.lawmakers.fixtures import wipe_lawmakers


def test_refresh_task_downloads_from_the_configured_mirror(
    settings, db, data_server, django_db_blocker
):
    settings.LAWMAKER_DATA_BASE_URL = data_server
    settings.LAWMAKER_STATES = ["TN"]
    refresh_lawmakers.delay()
    assert Lawmaker.objects.filter(level="federal", is_serving=True).count() == 537
    assert Lawmaker.objects.filter(level="state", state="TN").count() == 132
    assert ZipDistrict.objects.count() == 42033


def test_refresh_is_on_the_weekly_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["refresh-lawmakers"]
    assert entry["task"] == "lawmakers.tasks.refresh_lawmakers"
    assert entry["schedule"].day_of_week == {0}


def test_url_source_lists_github_contents_api_json(monkeypatch):
    listing = [
        {"name": "A-B-1.yml", "download_url": "https://raw.example/mn/legislature/A-B-1.yml"},
        {"name": "README.md", "download_url": "https://raw.example/mn/legislature/README.md"},
        {"name": "sub", "download_url": None},
    ]
    source = UrlSource("https://api.example/contents/data/")
    monkeypatch.setattr(
        source, "_get", lambda url: (json.dumps(listing).encode(), "application/json")
    )
    assert source.list_files("mn/legislature", (".yml",)) == [
        "https://raw.example/mn/legislature/A-B-1.yml"
    ]


def test_url_source_lists_html_directory_index(monkeypatch):
    page = b'<a href="A-B-1.yml">A</a> <a href="../">up</a> <a href="C.yml?x=1">C</a>'
    source = UrlSource("http://127.0.0.1:1/openstates-people")
    monkeypatch.setattr(source, "_get", lambda url: (page, "text/html"))
    assert source.list_files("mn/legislature", (".yml",)) == [
        "http://127.0.0.1:1/openstates-people/mn/legislature/A-B-1.yml",
        "http://127.0.0.1:1/openstates-people/mn/legislature/C.yml",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("511 Hart Senate Office Building", ("hart", "511", "senate")),
        ("G12 Dirksen Senate Office Building", ("dirksen", "G12", "senate")),
        ("139 Russell Senate Office Building", ("russell", "139", "senate")),
        ("2312 Rayburn House Office Building", ("rayburn", "2312", "house")),
        ("1301 LHOB; Washington, DC 20515", ("longworth", "1301", "house")),
        ("372 Cannon House Office Building", ("cannon", "372", "house")),
        ("H2-405 FHOB; Washington, DC 20515", ("ford", "H2-405", "house")),
        ("H307 CAPITOL; Washington, DC 20515-6015", ("capitol", "H307", "house")),
        ("S-211 The Capitol", ("capitol", "S-211", "senate")),
        ("G-01 DSOB; Washington, DC 20510", ("dirksen", "G-01", "senate")),
        ("", ("", "", "")),
        ("Room 4230, 1021 O St., Sacramento", ("", "", "")),
    ],
)
def test_parse_office_building_room_and_side(text, expected):
    assert tuple(parse_office(text)) == expected


def test_wipe_helper_leaves_no_lawmakers(db):
    wipe_lawmakers()
    assert not Lawmaker.objects.exists()

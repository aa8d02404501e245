"""Small hand-made data folders in the real formats, one quirk each, for the importer tests."""

import copy
from pathlib import Path

import yaml

SENATOR = {
    "id": {"bioguide": "S000001"},
    "name": {"first": "Sam", "last": "Senate", "official_full": "Sam Senate"},
    "bio": {"gender": "F"},
    "terms": [
        {"type": "rep", "start": "2015-01-03", "end": "2017-01-03", "state": "WA",
         "district": 1, "party": "Democrat"},
        {"type": "sen", "start": "2025-01-03", "end": "2031-01-03", "state": "WA", "class": 1,
         "party": "Democrat", "url": "https://senate.example.org", "phone": "202-224-0001",
         "office": "511 Hart Senate Office Building",
         "address": "511 Hart Senate Office Building Washington DC 20510"},
    ],
}  # fmt: skip
APPOINTED = {
    "id": {"bioguide": "S000002"},
    "name": {"first": "Ann", "last": "Appointed", "official_full": "Ann Appointed"},
    "bio": {},
    "terms": [
        {"type": "sen", "start": "2025-01-21", "end": "2026-11-03", "how": "appointment",
         "end-type": "special-election", "state": "WA", "class": 3, "party": "Republican",
         "office": "304 Russell Senate Office Building", "phone": "202-224-0002"},
    ],
}  # fmt: skip
AT_LARGE = {
    "id": {"bioguide": "R000001"},
    "name": {"first": "Al", "last": "Large", "official_full": "Al Large"},
    "bio": {},
    "terms": [
        {"type": "rep", "start": "2025-01-03", "end": "2027-01-03", "state": "AK",
         "district": 0, "party": "Republican", "office": "153 Cannon House Office Building"},
    ],
}  # fmt: skip
DELEGATE = {
    "id": {"bioguide": "D000001"},
    "name": {"first": "Dee", "last": "Delegate", "official_full": "Dee Delegate"},
    "bio": {},
    "terms": [
        {"type": "rep", "start": "2025-01-03", "end": "2027-01-03", "state": "DC",
         "district": 0, "party": "Democrat", "office": "2136 Rayburn House Office Building"},
    ],
}  # fmt: skip
NEWCOMER = {
    # Sworn in last week: no official_full, no office, no phone, no district offices.
    "id": {"bioguide": "N000001"},
    "name": {"first": "Nell", "last": "Newcomer"},
    "bio": {},
    "terms": [
        {"type": "rep", "start": "2026-06-10", "end": "2027-01-03", "state": "MA",
         "district": 1, "party": "Republican"},
    ],
}  # fmt: skip
REPRESENTATIVE = {
    "id": {"bioguide": "R000002"},
    "name": {"first": "Rita", "last": "Rep", "official_full": "Rita Rep"},
    "bio": {},
    "terms": [
        {"type": "rep", "start": "2025-01-03", "end": "2027-01-03", "state": "MA",
         "district": 2, "party": "Democrat", "phone": "202-225-0002",
         "office": "1234 Longworth House Office Building"},
    ],
}  # fmt: skip

LEGISLATORS = [SENATOR, APPOINTED, AT_LARGE, DELEGATE, NEWCOMER, REPRESENTATIVE]
DISTRICT_OFFICES = [
    {
        "id": {"bioguide": "R000002"},
        "offices": [
            # A ZIP written without quotes loses its leading zero in YAML.
            {"id": "R000002-worcester", "address": "1 Main St.", "city": "Worcester",
             "state": "MA", "zip": 1608, "latitude": 42.26, "longitude": -71.8},
            {"id": "R000002-newton", "address": "2 Crafts St.", "city": "Newton",
             "state": "MA", "zip": "02458"},
        ],
    },
    {"id": {"bioguide": "X999999"}, "offices": [{"id": "X999999-nowhere", "city": "Nowhere"}]},
]  # fmt: skip
SOCIAL = [{"id": {"bioguide": "S000001"}, "social": {"twitter": "SenSam", "youtube_id": "x"}}]
COMMITTEES = [
    {
        "type": "house", "name": "House Committee on the Judiciary", "thomas_id": "HSJU",
        "address": "2138 RHOB; Washington, DC 20515",
        "subcommittees": [
            {"name": "Immigration Integrity, Security, and Enforcement", "thomas_id": "01",
             "address": "H307 CAPITOL; Washington, DC 20515"},
        ],
    },
    {"type": "senate", "name": "Senate Committee on the Judiciary", "thomas_id": "SSJU"},
]  # fmt: skip
MEMBERSHIP = {
    "HSJU": [
        {"name": "Rita Rep", "party": "majority", "rank": 1, "title": "Chairman",
         "bioguide": "R000002"},
        {"name": "Al Large", "party": "minority", "rank": 1, "title": "Ranking Member",
         "bioguide": "R000001"},
        {"name": "Gone Person", "party": "minority", "rank": 2, "bioguide": "X999999"},
    ],
    "HSJU01": [{"name": "Rita Rep", "party": "majority", "rank": 1, "bioguide": "R000002"}],
    "SSJU": [{"name": "Sam Senate", "party": "minority", "rank": 1, "bioguide": "S000001"}],
}  # fmt: skip
MN_MEMBER = {
    "id": "ocd-person/11111111-1111-1111-1111-111111111111",
    "name": "Mia Minnesota",
    "given_name": "Mia",
    "family_name": "Minnesota",
    "party": [{"name": "Democratic-Farmer-Labor"}],
    "roles": [
        {"type": "lower", "district": "62B", "jurisdiction":
         "ocd-jurisdiction/country:us/state:mn/government", "end_date": "2023-01-02"},
        {"type": "lower", "district": "62A", "jurisdiction":
         "ocd-jurisdiction/country:us/state:mn/government", "start_date": "2023-01-03"},
    ],
    "offices": [
        {"classification": "capitol", "address": "100 Rev. Dr. Martin Luther King Jr. Blvd., "
         "Saint Paul, MN 55155", "voice": "651-296-0000"},
        {"classification": "district", "address": "1 Lake St, Minneapolis, MN 55408"},
    ],
    "links": [{"url": "https://house.mn.example/62A"}],
}  # fmt: skip
MN_SENATOR = {
    "id": "ocd-person/22222222-2222-2222-2222-222222222222",
    "name": "Sol Senator",
    "given_name": "Sol",
    "family_name": "Senator",
    "party": [{"name": "Republican"}],
    "roles": [{"type": "upper", "district": "31", "jurisdiction":
               "ocd-jurisdiction/country:us/state:mn/government"}],
}  # fmt: skip
MN_LEFT = {
    # Still in legislature/, but the role ended: the seat is vacant.
    "id": "ocd-person/33333333-3333-3333-3333-333333333333",
    "name": "Lee Left",
    "family_name": "Left",
    "party": [{"name": "Republican"}],
    "roles": [{"type": "lower", "district": "21A", "end_date": "2026-06-21", "jurisdiction":
               "ocd-jurisdiction/country:us/state:mn/government"}],
}  # fmt: skip
# CRLF endings as published; one ZCTA spans two districts; a ZCTA that lost its zero.
ZCCD = (
    "state_fips,state_abbr,zcta,cd\r\n"
    "25,MA,01002,1\r\n"
    "25,MA,01002,2\r\n"
    "25,MA,1608,2\r\n"
    "02,AK,99501,0\r\n"
    "11,DC,20001,0\r\n"
    "25,MA,02138,5\r\n"
)


def dataset(**changes):
    """The default data, with some files replaced (Python objects, or raw text)."""
    files = {
        "congress-legislators/legislators-current.yaml": LEGISLATORS,
        "congress-legislators/legislators-district-offices.yaml": DISTRICT_OFFICES,
        "congress-legislators/legislators-social-media.yaml": SOCIAL,
        "congress-legislators/committees-current.yaml": COMMITTEES,
        "congress-legislators/committee-membership-current.yaml": MEMBERSHIP,
        "openstates-people/mn/legislature/Mia-Minnesota-1111.yml": MN_MEMBER,
        "openstates-people/mn/legislature/Sol-Senator-2222.yml": MN_SENATOR,
        "openstates-people/mn/legislature/Lee-Left-3333.yml": MN_LEFT,
        "zip-congressional-districts/zccd.csv": ZCCD,
    }
    files = copy.deepcopy(files)
    for name, content in changes.items():
        files[name] = content
    return files


def write_dataset(root: Path, files: dict) -> Path:
    for name, content in files.items():
        if content is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode())
        else:
            path.write_text(yaml.safe_dump(content, sort_keys=False))
    return root

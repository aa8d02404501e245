"""Read the congress-legislators files into rows ready to write.

Parsing is separate from writing so a malformed file stops the import before
anything reaches the database. Files: legislators-current, its district
offices and social media, committees-current and committee-membership-current.
"""

import json
from dataclasses import dataclass, field

from lawmakers.capitol import parse_office
from lawmakers.importers.common import (
    DELEGATE_STATES,
    load_yaml,
    parse_date,
    require,
    state_code,
    text,
)
from lawmakers.importers.errors import DataFileError, MissingFile
from lawmakers.importers.summary import ImportSummary
from lawmakers.models import Chamber, CommitteeKind, Level

LEGISLATORS = "legislators-current.yaml"
# The same data as the YAML, published beside it; read first when present, as
# JSON parses some forty times faster than YAML in Python.
LEGISLATORS_JSON = "legislators-current.json"
DISTRICT_OFFICES = "legislators-district-offices.yaml"
SOCIAL_MEDIA = "legislators-social-media.yaml"
COMMITTEES = "committees-current.yaml"
MEMBERSHIP = "committee-membership-current.yaml"
SOCIAL_KEYS = ("twitter", "facebook", "instagram", "youtube", "mastodon")


@dataclass
class CongressData:
    lawmakers: dict[str, dict] = field(default_factory=dict)
    offices: dict[str, dict] = field(default_factory=dict)
    committees: dict[str, dict] = field(default_factory=dict)
    seats: dict[tuple[str, str], dict] = field(default_factory=dict)


def _yaml_list(source, name: str):
    file = source.describe(name)
    data = load_yaml(source.read_bytes(name), file=file)
    if not isinstance(data, list):
        raise DataFileError(file, "expected a list of records")
    return file, data


def _legislators(source):
    try:
        data = source.read_bytes(LEGISLATORS_JSON)
    except MissingFile:
        return _yaml_list(source, LEGISLATORS)
    file = source.describe(LEGISLATORS_JSON)
    try:
        people = json.loads(data)
    except ValueError as error:
        raise DataFileError(file, f"is not valid JSON: {error}") from None
    if not isinstance(people, list):
        raise DataFileError(file, "expected a list of records")
    return file, people


def _bioguide(entry, *, file: str, record: str) -> str:
    ids = require(entry, "id", file=file, record=record)
    return str(require(ids, "bioguide", file=file, record=record)).strip()


def _full_name(name: dict) -> str:
    if name.get("official_full"):
        return text(name["official_full"], 200)
    parts = [name.get("first"), name.get("middle"), name.get("last")]
    full = " ".join(str(part).strip() for part in parts if part)
    return f"{full}, {name['suffix']}" if name.get("suffix") else full


def parse_legislators(source, summary: ImportSummary) -> dict[str, dict]:
    file, people = _legislators(source)
    lawmakers: dict[str, dict] = {}
    for index, person in enumerate(people, start=1):
        record = f"record {index}"
        bioguide = _bioguide(person, file=file, record=record)
        record = f"record {index} ({bioguide})"
        name = require(person, "name", file=file, record=record)
        last_name = require(name, "last", file=file, record=record)
        terms = require(person, "terms", file=file, record=record)
        if not isinstance(terms, list):
            raise DataFileError(file, "'terms' must be a list", record)
        term = terms[-1]  # the last term is the current one
        kind = require(term, "type", file=file, record=record)
        if kind not in ("sen", "rep"):
            raise DataFileError(file, f"unknown term type {kind!r}", record)
        state = state_code(
            require(term, "state", file=file, record=record), file=file, record=record
        )
        district = ""
        if kind == "rep":
            raw_district = require(term, "district", file=file, record=record)
            try:
                district = str(int(raw_district))
            except (TypeError, ValueError):
                raise DataFileError(
                    file, f"district is not a number: {raw_district!r}", record
                ) from None
        if bioguide in lawmakers:
            raise DataFileError(file, "the same bioguide id appears twice", record)
        office = parse_office(term.get("office") or term.get("address") or "")
        lawmakers[bioguide] = {
            "level": Level.FEDERAL,
            "chamber": Chamber.UPPER if kind == "sen" else Chamber.LOWER,
            "state": state,
            "district": district,
            "is_voting": not (kind == "rep" and state in DELEGATE_STATES),
            "party": text(term.get("party"), 60),
            "first_name": text(name.get("first"), 100),
            "middle_name": text(name.get("middle"), 100),
            "last_name": text(last_name, 100),
            "suffix": text(name.get("suffix"), 20),
            "nickname": text(name.get("nickname"), 100),
            "full_name": _full_name(name)[:200],
            "term_start": parse_date(term.get("start"), file=file, record=record, field="start"),
            "term_end": parse_date(term.get("end"), file=file, record=record, field="end"),
            "senate_class": term.get("class") if kind == "sen" else None,
            "is_appointed": term.get("how") == "appointment",
            "phone": text(term.get("phone"), 40),
            "email": "",
            "website": text(term.get("url"), 300),
            "contact_form": text(term.get("contact_form"), 300),
            "office_raw": text(term.get("office"), 300),
            "office_building": office.building,
            "office_room": office.room,
            "capitol_side": office.side,
            "mailing_address": text(term.get("address"), 300),
            "social": {},
            "is_serving": True,
        }
    return lawmakers


def parse_social(source, lawmakers: dict[str, dict], summary: ImportSummary) -> None:
    file, people = _yaml_list(source, SOCIAL_MEDIA)
    for index, entry in enumerate(people, start=1):
        bioguide = _bioguide(entry, file=file, record=f"record {index}")
        social = entry.get("social") or {}
        if bioguide not in lawmakers:
            summary.skip("social media of someone not in legislators-current")
            continue
        lawmakers[bioguide]["social"] = {
            key: str(social[key]) for key in SOCIAL_KEYS if social.get(key)
        }


def _coordinate(value, *, file: str, record: str, field: str) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise DataFileError(file, f"'{field}' is not a number: {value!r}", record) from None


def zip_text(value) -> str:
    """A ZIP as text; one written unquoted in YAML lost its leading zeros, put them back."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value).zfill(5)
    return str(value).strip()[:10]


def parse_district_offices(source, lawmakers: dict[str, dict], summary) -> dict[str, dict]:
    file, people = _yaml_list(source, DISTRICT_OFFICES)
    offices: dict[str, dict] = {}
    for index, entry in enumerate(people, start=1):
        bioguide = _bioguide(entry, file=file, record=f"record {index}")
        if bioguide not in lawmakers:
            summary.skip("district offices of someone not in legislators-current")
            continue
        for office in entry.get("offices") or []:
            record = f"record {index} ({bioguide})"
            office_id = text(require(office, "id", file=file, record=record), 120)
            record = f"record {index} ({bioguide}, office {office_id})"
            if office_id in offices:
                summary.skip("district office listed twice")
                continue
            offices[office_id] = {
                "bioguide": bioguide,
                "address": text(office.get("address"), 300),
                "suite": text(office.get("suite"), 100),
                "building": text(office.get("building"), 150),
                "city": text(office.get("city"), 100),
                "state": text(office.get("state"), 2).upper(),
                "zip_code": zip_text(office.get("zip")),
                "phone": text(office.get("phone"), 40),
                "fax": text(office.get("fax"), 40),
                "hours": text(office.get("hours"), 200),
                "latitude": _coordinate(
                    office.get("latitude"), file=file, record=record, field="latitude"
                ),
                "longitude": _coordinate(
                    office.get("longitude"), file=file, record=record, field="longitude"
                ),
            }
    return offices


def _committee_row(entry, *, kind: str, parent_code: str | None) -> dict:
    office = parse_office(entry.get("address") or "")
    return {
        "name": text(entry.get("name"), 250),
        "kind": kind,
        "parent_code": parent_code,
        "url": text(entry.get("url"), 300),
        "address_raw": text(entry.get("address"), 300),
        "office_building": office.building,
        "office_room": office.room,
        "phone": text(entry.get("phone"), 40),
        "jurisdiction": text(entry.get("jurisdiction"), 5000),
        "is_current": True,
    }


def parse_committees(source) -> dict[str, dict]:
    file, entries = _yaml_list(source, COMMITTEES)
    committees: dict[str, dict] = {}
    for index, entry in enumerate(entries, start=1):
        record = f"record {index}"
        code = str(require(entry, "thomas_id", file=file, record=record)).strip()
        record = f"record {index} ({code})"
        require(entry, "name", file=file, record=record)
        kind = require(entry, "type", file=file, record=record)
        if kind not in CommitteeKind.values:
            raise DataFileError(file, f"unknown committee type {kind!r}", record)
        committees[code] = _committee_row(entry, kind=kind, parent_code=None)
        for sub in entry.get("subcommittees") or []:
            sub_code = code + str(require(sub, "thomas_id", file=file, record=record)).strip()
            require(sub, "name", file=file, record=f"{record}, subcommittee {sub_code}")
            committees[sub_code] = _committee_row(sub, kind=kind, parent_code=code)
    return committees


def parse_membership(source, lawmakers, committees, summary) -> dict[tuple[str, str], dict]:
    file = source.describe(MEMBERSHIP)
    data = load_yaml(source.read_bytes(MEMBERSHIP), file=file)
    if not isinstance(data, dict):
        raise DataFileError(file, "expected a mapping from committee code to members")
    seats: dict[tuple[str, str], dict] = {}
    for code, members in data.items():
        code = str(code)
        if code not in committees:
            summary.skip("committee seats under a code not in committees-current")
            continue
        for index, member in enumerate(members or [], start=1):
            record = f"{code}, member {index}"
            bioguide = str(require(member, "bioguide", file=file, record=record)).strip()
            if bioguide not in lawmakers:
                summary.skip("committee seat of someone not in legislators-current")
                continue
            if (code, bioguide) in seats:
                summary.skip("committee seat listed twice")
                continue
            rank = member.get("rank")
            if rank is not None and not isinstance(rank, int):
                raise DataFileError(file, f"rank is not a number: {rank!r}", record)
            seats[(code, bioguide)] = {
                "side": text(member.get("party"), 10),
                "rank": rank,
                "title": text(member.get("title"), 60),
                "chamber": text(member.get("chamber"), 10),
            }
    return seats


def parse_congress(source, summary: ImportSummary) -> CongressData:
    data = CongressData()
    data.lawmakers = parse_legislators(source, summary)
    parse_social(source, data.lawmakers, summary)
    data.offices = parse_district_offices(source, data.lawmakers, summary)
    data.committees = parse_committees(source)
    data.seats = parse_membership(source, data.lawmakers, data.committees, summary)
    return data

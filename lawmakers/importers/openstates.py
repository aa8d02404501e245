"""Read Open States person files (one YAML file per legislator) for one state."""

from lawmakers.capitol import parse_state_office
from lawmakers.importers.common import load_yaml, parse_date, require, state_code, text
from lawmakers.importers.errors import DataFileError
from lawmakers.importers.summary import ImportSummary
from lawmakers.models import Chamber, Level

SUFFIXES = (".yml", ".yaml")


def _current_role(roles, *, state: str, file: str, record: str):
    """The legislature role with no end date (the newest one if the data has several)."""
    jurisdiction = f"ocd-jurisdiction/country:us/state:{state.lower()}/government"
    current = []
    for role in roles:
        if not isinstance(role, dict) or role.get("type") not in ("upper", "lower"):
            continue  # mayors, governors and other offices a person once held
        if role.get("jurisdiction") != jurisdiction:
            continue
        require(role, "district", file=file, record=record)
        if role.get("end_date"):
            continue
        current.append(role)
    current.sort(key=lambda role: str(role.get("start_date") or ""))
    return current[-1] if current else None


def _current_party(parties) -> str:
    open_ended = [p for p in parties or [] if isinstance(p, dict) and not p.get("end_date")]
    return text(open_ended[-1].get("name"), 60) if open_ended else ""


def parse_person(data, *, state: str, file: str, summary: ImportSummary):
    """(public id, lawmaker row, district office rows), or None when the person holds no seat."""
    person_id = text(require(data, "id", file=file, record="person"), 64)
    record = person_id
    name = text(require(data, "name", file=file, record=record), 200)
    roles = require(data, "roles", file=file, record=record)
    if not isinstance(roles, list):
        raise DataFileError(file, "'roles' must be a list", record)
    role = _current_role(roles, state=state, file=file, record=record)
    if role is None:
        summary.skip(f"{state} legislator with no current seat (role ended)")
        return None
    family = text(data.get("family_name"), 100) or name.rsplit(" ", 1)[-1]
    offices = [o for o in data.get("offices") or [] if isinstance(o, dict)]
    capitol = next((o for o in offices if o.get("classification") == "capitol"), {})
    links = [link.get("url") for link in data.get("links") or [] if isinstance(link, dict)]
    office = parse_state_office(text(capitol.get("address"), 300), state)
    row = {
        "level": Level.STATE,
        "chamber": Chamber.UPPER if role["type"] == "upper" else Chamber.LOWER,
        "state": state,
        "district": text(role["district"], 60),
        "is_voting": True,
        "party": _current_party(data.get("party")),
        "first_name": text(data.get("given_name"), 100),
        "middle_name": "",
        "last_name": family,
        "suffix": "",
        "nickname": "",
        "full_name": name,
        "term_start": parse_date(
            role.get("start_date"), file=file, record=record, field="start_date"
        ),
        "term_end": None,
        "senate_class": None,
        "is_appointed": "appointed" in str(role.get("end_reason") or "").lower(),
        "phone": text(capitol.get("voice"), 40),
        "email": text(data.get("email"), 254),
        "website": text(links[0] if links else "", 300),
        "contact_form": "",
        "office_raw": text(capitol.get("address"), 300),
        "office_building": office.building,
        "office_room": office.room,
        "capitol_side": "",
        "mailing_address": text(capitol.get("address"), 300),
        "social": {},
        "is_serving": True,
    }
    district_offices = {}
    for number, office in enumerate(
        (o for o in offices if o.get("classification") == "district"), start=1
    ):
        district_offices[f"{person_id}#district-{number}"] = {
            "public_id": person_id,
            "address": text(office.get("address"), 300),
            "suite": "",
            "building": "",
            "city": "",
            "state": state,
            "zip_code": "",
            "phone": text(office.get("voice"), 40),
            "fax": text(office.get("fax"), 40),
            "hours": "",
            "latitude": None,
            "longitude": None,
        }
    return person_id, row, district_offices


def parse_state(source, state: str, summary: ImportSummary) -> tuple[dict, dict]:
    """Lawmaker rows and district office rows of one state's legislature."""
    folder = f"{state.lower()}/legislature"
    state = state_code(state, file=source.describe(folder), record="")
    lawmakers: dict[str, dict] = {}
    offices: dict[str, dict] = {}
    for name in source.list_files(folder, SUFFIXES):
        file = source.describe(name)
        data = load_yaml(source.read_bytes(name), file=file)
        parsed = parse_person(data, state=state, file=file, summary=summary)
        if parsed is None:
            continue
        person_id, row, district_offices = parsed
        if person_id in lawmakers:
            raise DataFileError(file, "the same person id appears in two files", person_id)
        lawmakers[person_id] = row
        offices.update(district_offices)
    return lawmakers, offices

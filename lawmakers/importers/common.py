"""Small readers shared by the importers: YAML, dates, required fields, states."""

import datetime

import yaml

from lawmakers.importers.errors import DataFileError

# Postal codes a lawmaker can represent: the states, DC and the territories.
KNOWN_STATES = frozenset(
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN",
        "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
        "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
        "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI",
    }
)  # fmt: skip
DELEGATE_STATES = frozenset({"AS", "DC", "GU", "MP", "PR", "VI"})

try:  # libyaml is ten times faster on the 1 MB legislators file.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


def load_yaml(data: bytes, *, file: str):
    try:
        return yaml.load(data, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DataFileError(file, f"is not valid YAML: {problem}", where) from None


def decode(data: bytes, *, file: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError(file, "is not UTF-8 text") from None


def require(mapping, key: str, *, file: str, record: str):
    if not isinstance(mapping, dict):
        raise DataFileError(file, "expected a mapping", record)
    value = mapping.get(key)
    if value is None or value == "" or value == []:
        raise DataFileError(file, f"missing required field '{key}'", record)
    return value


def state_code(value, *, file: str, record: str) -> str:
    code = str(value or "").strip().upper()
    if code not in KNOWN_STATES:
        raise DataFileError(file, f"unknown state {value!r}", record)
    return code


def parse_date(value, *, file: str, record: str, field: str) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise DataFileError(file, f"'{field}' is not a date: {value!r}", record) from None


def text(value, limit: int) -> str:
    return ("" if value is None else str(value)).strip()[:limit]

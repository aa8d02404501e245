"""Read the ZCTA to congressional district table (zccd.csv: state_fips, state_abbr, zcta, cd)."""

import csv
import io

from lawmakers.importers.common import decode, state_code
from lawmakers.importers.errors import DataFileError

ZCTA_FILE = "zccd.csv"
COLUMNS = ("state_abbr", "zcta", "cd")


def parse_zcta(source) -> set[tuple[str, str, int]]:
    """Rows as (zcta, state, district). ZCTAs are text: leading zeros are kept,
    and restored when a spreadsheet dropped them."""
    file = source.describe(ZCTA_FILE)
    # newline="" lets the csv module read the file's CRLF endings itself.
    reader = csv.DictReader(
        io.StringIO(decode(source.read_bytes(ZCTA_FILE), file=file), newline="")
    )
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise DataFileError(file, "missing column(s) " + ", ".join(missing), "header")
    rows = set()
    for line, row in enumerate(reader, start=2):
        record = f"line {line}"
        zcta = (row.get("zcta") or "").strip()
        if not zcta.isdigit() or len(zcta) > 5:
            raise DataFileError(file, f"ZCTA is not a 5-digit code: {zcta!r}", record)
        try:
            district = int((row.get("cd") or "").strip())
        except ValueError:
            raise DataFileError(
                file, f"district is not a number: {row.get('cd')!r}", record
            ) from None
        if district < 0 or district > 99:
            raise DataFileError(file, f"district out of range: {district}", record)
        state = state_code(row.get("state_abbr"), file=file, record=record)
        rows.add((zcta.zfill(5), state, district))
    return rows

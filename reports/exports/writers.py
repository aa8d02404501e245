"""CSV and XLSX writers that never let a cell run as a formula.

A spreadsheet treats a cell beginning with =, +, -, @, tab or carriage return
as a formula; text typed into a report could then run in staff's Excel. Such
text gets a leading apostrophe, which Excel shows as plain text.
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from openpyxl import Workbook

FORMULA_STARTS = frozenset("=+-@\t\r")
CHUNK_ROWS = 2000


def neutralise(value):
    if value.__class__ is str and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def safe_row(row: Iterable) -> list:
    # `neutralise` inlined: this runs for every cell of a 50,000-row export.
    return [
        "'" + value if value.__class__ is str and value[:1] in FORMULA_STARTS else value
        for value in row
    ]


def csv_chunks(headers: list[str], rows: Iterable[list]) -> Iterator[str]:
    """The CSV text in chunks of rows, with a byte-order mark so Excel reads UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(headers)
    yield buffer.getvalue()
    chunk = []
    for row in rows:
        chunk.append(safe_row(row))
        if len(chunk) == CHUNK_ROWS:
            yield _csv_text(chunk)
            chunk = []
    if chunk:
        yield _csv_text(chunk)


def _csv_text(rows: list[list]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def write_xlsx(
    target,
    headers: list[str],
    rows: Iterable[list],
    *,
    title: str,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the rows into `target` (a path or a binary file) in write-only mode."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    sheet.append(headers)
    count = 0
    for row in rows:
        sheet.append(safe_row(row))
        count += 1
        if progress is not None and count % CHUNK_ROWS == 0:
            progress(count)
    workbook.save(target)
    if progress is not None:
        progress(count)
    return count

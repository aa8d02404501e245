"""Every CSV and XLSX file the app writes, safe to open in a spreadsheet program.

CSV: a spreadsheet program treats a cell beginning with =, +, -, @, tab or
carriage return as a formula, so text typed by a member or a guest could run
in staff's Excel. Such text gets a leading apostrophe, which Excel shows as
plain text (`neutralise`).

XLSX: cells are typed, so text is written as a string cell and never as a
formula, and needs no apostrophe; what XLSX cannot hold at all (control
characters such as a vertical tab pasted from a word processor) is removed
(`xlsx_text`).

`csv_response` streams a CSV download; `csv_chunks` gives the same text in
chunks for a file written by a worker; `write_xlsx` writes a workbook in
openpyxl's write-only mode.
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = frozenset("=+-@\t\r")
CHUNK_ROWS = 2000
XLSX_MAX_TEXT = 32767  # characters an XLSX cell holds


def neutralise(value):
    """A CSV cell's value that no spreadsheet program runs as a formula."""
    # Any str, subclasses too: Django's SafeString is text a member may have typed.
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def neutralised_row(row: Iterable) -> list:
    return [neutralise(value) for value in row]


# A line needs the csv module when a cell holds a delimiter, a quote or a line break, or
# when a cell begins like a formula: "=1" alone, or after the comma that ends a cell.
_NEEDS_CSV_MODULE = ('"', "\n", "\r", "\t", ",=", ",+", ",-", ",@", "None")


def _plain_line(row: list) -> str | None:
    """The row as one CSV line when no cell needs quoting or neutralising, else None.

    Joining the cells' text once and searching the line with a few C-level `in` checks
    costs a fraction of the csv writer and the per-cell neutralise. Every check errs on
    the side of None: a negative number (",-"), the word None (which the csv module
    writes as an empty cell) or a comma inside a cell (one comma too many) all send the
    row to the csv module, whose output is the reference (tests/common prove the two
    agree byte for byte).
    """
    line = ",".join(map(str, row))
    if (
        not line  # [] and [""] are written differently by the csv module
        or line[0] in FORMULA_STARTS
        or line.count(",") != len(row) - 1
    ):
        return None
    for needle in _NEEDS_CSV_MODULE:
        if needle in line:
            return None
    return line + "\r\n"


def csv_lines(rows: Iterable[Iterable], buffer: io.StringIO) -> None:
    """Write the rows into `buffer` as the csv module would, formulas neutralised."""
    writer = csv.writer(buffer)
    write = buffer.write
    for row in rows:
        if row.__class__ is not list:
            row = list(row)
        line = _plain_line(row)
        if line is None:
            writer.writerow(neutralised_row(row))
        else:
            write(line)


def csv_chunks(headers: Iterable[str], rows: Iterable[Iterable]) -> Iterator[str]:
    """The CSV text in chunks of rows, with a byte-order mark so Excel reads UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    csv_lines([headers], buffer)
    yield _drain(buffer)  # the first bytes go out before the first query's rows are read
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK_ROWS:
            csv_lines(chunk, buffer)
            yield _drain(buffer)
            chunk = []
    if chunk:
        csv_lines(chunk, buffer)
        yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def csv_response(
    filename: str, headers: Iterable[str], rows: Iterable[Iterable]
) -> StreamingHttpResponse:
    """A streamed CSV download named `filename`; rows are read as the client takes them."""
    response = StreamingHttpResponse(csv_chunks(headers, rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _replace_illegal(match) -> str:
    # Word processors write a manual line break as a vertical tab and a page break as a
    # form feed: keep them as line breaks; other control characters carry nothing.
    return "\n" if match.group(0) in "\x0b\x0c" else ""


def xlsx_text(value: str) -> str:
    """Text an XLSX cell can hold: no control characters, at most 32,767 characters."""
    if ILLEGAL_CHARACTERS_RE.search(value):
        value = ILLEGAL_CHARACTERS_RE.sub(_replace_illegal, value)
    return value[:XLSX_MAX_TEXT]


def _xlsx_row(sheet, row: Iterable) -> list:
    cells = []
    for value in row:
        if isinstance(value, str):
            value = xlsx_text(value)
            # openpyxl would store "=…" as a formula and "#N/A" as an error: force text.
            if value[:1] == "=" or value in ERROR_CODES:
                cell = WriteOnlyCell(sheet, value)
                cell.data_type = "s"
                value = cell
        cells.append(value)
    return cells


def write_xlsx(
    target,
    headers: Iterable[str],
    rows: Iterable[Iterable],
    *,
    title: str,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the rows into `target` (a path or a binary file) in write-only mode."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=xlsx_text(title)[:31])
    sheet.freeze_panes = "A2"
    sheet.append(_xlsx_row(sheet, headers))
    count = 0
    for row in rows:
        sheet.append(_xlsx_row(sheet, row))
        count += 1
        if progress is not None and count % CHUNK_ROWS == 0:
            progress(count)
    workbook.save(target)
    if progress is not None:
        progress(count)
    return count

"""Read an uploaded CSV for an all-or-nothing import: every row checked, bad rows named.

The caller says which columns it knows and how to read one row; this reads the
header, refuses unknown or missing columns, skips blank lines, and collects a
problem for each bad row ("Row 7: …"). Nothing is returned unless every row is
good, so the caller creates all rows or none.

    items = read_csv_rows(raw, required=("email",), optional=("name",),
                          read_row=my_reader, nothing="The file lists no one.")

`read_row(row, line_number)` gets the row as {column: stripped cell} and returns
(problem, item): a sentence about the row, or the item made from it.
"""

import csv
import io
from collections.abc import Callable

from common.forms import holds_nul

MAX_ROWS = 5000
MAX_PROBLEMS_SHOWN = 50


class CsvImportError(Exception):
    """The file cannot be imported; `problems` lists every reason, row by row."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def column_key(header: str) -> str:
    return "_".join(header.strip().lower().replace("-", " ").split())


def _decode(raw: bytes, error_class) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error_class(
            ["The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again."]
        ) from None


def _header_problems(header, columns, required, optional) -> list[str]:
    problems = []
    unknown = [
        name
        for name, key in zip(header, columns, strict=True)
        if key not in (*required, *optional)
    ]
    if unknown:
        problems.append(
            "Unknown column " + ", ".join(f"“{name}”" for name in unknown) + ". "
            f"Use: {', '.join((*required, *optional))}."
        )
    for name in required:
        if name not in columns:
            problems.append(f"The file needs an “{name}” column.")
    if len(set(columns)) != len(columns):
        problems.append("A column appears twice in the header.")
    return problems


def read_csv_rows(
    raw: bytes,
    *,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    read_row: Callable[[dict, int], tuple[str | None, object]],
    nothing: str,
    max_rows: int = MAX_ROWS,
    error_class: type[CsvImportError] = CsvImportError,
) -> list:
    reader = csv.reader(io.StringIO(_decode(raw, error_class), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise error_class(["The file is empty."]) from None
    except csv.Error as error:
        raise error_class([f"The file is not a readable CSV: {error}."]) from None
    columns = [column_key(name) for name in header]
    problems = _header_problems(header, columns, required, optional)
    if problems:
        raise error_class(problems)
    items: list = []
    try:
        for line_number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(items) >= max_rows:
                problems.append(f"The file has more than {max_rows} rows; split it.")
                break
            problem, item = _row(columns, cells, line_number, read_row)
            if problem:
                problems.append(f"Row {line_number}: {problem}")
            else:
                items.append(item)
    except csv.Error as error:
        problems.append(f"Row {reader.line_num}: the CSV is malformed ({error}).")
    if not items and not problems:
        problems.append(nothing)
    if problems:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        if len(problems) > len(shown):
            shown.append(f"… and {len(problems) - len(shown)} more problems.")
        raise error_class(shown)
    return items


def _row(columns, cells, line_number, read_row):
    if len(cells) != len(columns):
        return f"expected {len(columns)} cells, found {len(cells)}.", None
    if holds_nul(cells):
        # PostgreSQL cannot store it, and no one typed it: the file was saved oddly.
        return (
            "a cell holds an invisible NUL character. Save the file as “CSV UTF-8” "
            "and upload it again.",
            None,
        )
    row = {key: cell.strip() for key, cell in zip(columns, cells, strict=True)}
    return read_row(row, line_number)

"""The one CSV and XLSX writer: read back with the csv module and openpyxl."""

import csv
import datetime
import decimal
import io
import random

import openpyxl
import pytest
from django.utils.safestring import SafeString, mark_safe

from common.spreadsheets import (
    csv_chunks,
    csv_lines,
    csv_response,
    neutralise,
    neutralised_row,
    write_xlsx,
    xlsx_text,
)

FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"]


def read_csv_text(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


@pytest.mark.parametrize("text", FORMULAS)
def test_csv_cell_beginning_like_a_formula_gets_an_apostrophe(text):
    [header, row] = read_csv_text("".join(csv_chunks(["note"], [[text]])))
    assert (header, row) == (["note"], ["'" + text])


def test_csv_leaves_plain_text_numbers_and_empty_cells_alone():
    [_, row] = read_csv_text("".join(csv_chunks(["a", "b", "c", "d"], [["plain", 12, "", None]])))
    assert row == ["plain", "12", "", ""]


def test_csv_chunks_hold_every_row_once_across_chunk_boundaries():
    rows = [[str(n)] for n in range(4500)]
    chunks = list(csv_chunks(["n"], rows))
    assert len(chunks) == 4  # the header, then 2,000 + 2,000 + 500 rows
    assert read_csv_text("".join(chunks))[1:] == rows


def test_csv_response_streams_a_named_attachment():
    response = csv_response("endorsements-3.csv", ["name"], [["=1+1"]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="endorsements-3.csv"'
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert read_csv_text(text) == [["name"], ["'=1+1"]]


def test_csv_response_names_a_file_with_accents_for_every_browser():
    response = csv_response("invités.csv", ["name"], [])
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''invit%C3%A9s.csv"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"),
     ("\rx", "'\rx"), ("plain", "plain"), (12, 12), ("", "")],
)  # fmt: skip
def test_neutralise(text, expected):
    assert neutralise(text) == expected


def test_neutralise_covers_str_subclasses_such_as_safestring():
    assert neutralise(mark_safe("=1+1")) == "'=1+1"
    assert neutralise(SafeString("@x")) == "'@x"


def test_csv_neutralises_a_safestring_cell():
    [_, row] = read_csv_text("".join(csv_chunks(["note"], [[mark_safe("=1+1"), "x"]])))
    assert row == ["'=1+1", "x"]


PIECES = ['"', ",", "\n", "\r", "\r\n", "\t", "=", "+", "-", "@", "'", " ", "None", "é", "漢",
          "🙂", "\x00", "a", "Jordan Lee", "0", ";", "#N/A"]  # fmt: skip


def tricky_value(rng: random.Random):
    choice = rng.random()
    if choice < 0.08:
        return None
    if choice < 0.16:
        return rng.choice([0, -1, 12, -3.5, 2.25, True, False, decimal.Decimal("-1.10")])
    if choice < 0.2:
        return rng.choice([datetime.date(2027, 3, 4), mark_safe(rng.choice(PIECES) + "x")])
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 4)))


def csv_module_reference(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(neutralised_row(row) for row in rows)
    return buffer.getvalue()


def test_csv_lines_write_the_same_bytes_as_the_csv_module_with_neutralise():
    rng = random.Random(11)
    rows = [[tricky_value(rng) for _ in range(rng.randint(0, 6))] for _ in range(5000)]
    rows += [[], [""], [None], ["", ""], ["plain", 1, "text"], ("a", "tuple")]
    buffer = io.StringIO()
    csv_lines(rows, buffer)
    assert buffer.getvalue() == csv_module_reference(rows)


def test_csv_lines_take_the_plain_path_for_rows_that_need_no_quoting():
    rows = [[1, "Pat Office1", "yes", "", 2.5, datetime.date(2027, 3, 4)]] * 3
    buffer = io.StringIO()
    csv_lines(rows, buffer)
    assert buffer.getvalue() == csv_module_reference(rows)
    assert buffer.getvalue() == "1,Pat Office1,yes,,2.5,2027-03-04\r\n" * 3


def test_xlsx_holds_a_formula_like_safestring_as_text():
    buffer = io.BytesIO()
    write_xlsx(buffer, ["note"], [[mark_safe("=HYPERLINK(1)")]], title="notes")
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    cell = sheet["A2"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")


def read_xlsx(rows, headers=("note",)) -> list[tuple]:
    buffer = io.BytesIO()
    write_xlsx(buffer, list(headers), rows, title="notes")
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def test_xlsx_holds_formula_like_text_as_text_without_an_apostrophe():
    texts = ["- we will send the memo", "+1", "@SUM(A1)", "=HYPERLINK(1)", "#N/A"]
    buffer = io.BytesIO()
    write_xlsx(buffer, ["note"], [[text] for text in texts], title="notes")
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == texts
    assert {cell.data_type for cell in cells} == {"s"}


def test_xlsx_drops_control_characters_and_keeps_word_line_breaks():
    rows = read_xlsx([["first line\x0bsecond line"], ["bell\x07 and nul\x00 gone"]])
    assert rows[1:] == [("first line\nsecond line",), ("bell and nul gone",)]


def test_xlsx_text_keeps_tabs_and_newlines_and_cuts_at_the_cell_limit():
    assert xlsx_text("a\tb\nc\rd") == "a\tb\nc\rd"
    assert len(xlsx_text("x" * 40000)) == 32767


def test_xlsx_keeps_numbers_dates_and_empty_cells():
    import datetime

    day = datetime.datetime(2027, 3, 4, 9, 30)
    assert read_xlsx([[3, day, None]], headers=("n", "when", "empty"))[1] == (3, day, None)


def test_xlsx_reports_progress_and_returns_the_row_count():
    seen = []
    buffer = io.BytesIO()
    assert (
        write_xlsx(buffer, ["n"], [[n] for n in range(2500)], title="n", progress=seen.append)
        == 2500
    )
    assert seen == [2000, 2500]

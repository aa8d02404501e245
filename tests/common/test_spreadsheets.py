"""The one CSV and XLSX writer: read back with the csv module and openpyxl."""

import csv
import io

import openpyxl
import pytest

from common.spreadsheets import csv_chunks, csv_response, neutralise, write_xlsx, xlsx_text

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

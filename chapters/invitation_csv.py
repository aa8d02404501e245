"""Read a CSV of people to invite. All rows are checked before anything is created."""

import csv
import io

from chapters.invitations import InviteeChecker, InviteeData
from chapters.models import Chapter, Role
from common.forms import holds_nul

REQUIRED_COLUMNS = ("email",)
OPTIONAL_COLUMNS = ("first_name", "last_name", "role")
MAX_ROWS = 5000
MAX_PROBLEMS_SHOWN = 50


class InvitationCsvError(Exception):
    """The file cannot be imported; `problems` lists every reason, row by row."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def _column_key(header: str) -> str:
    return "_".join(header.strip().lower().replace("-", " ").split())


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvitationCsvError(
            ["The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again."]
        ) from None


def _role_from_cell(cell: str) -> str | None:
    value = _column_key(cell) or Role.MEMBER
    return value if value in (Role.MEMBER, Role.LEADER) else None


def read_invitation_csv(*, chapter: Chapter, raw: bytes) -> list[InviteeData]:
    """Parse and check every row; raise InvitationCsvError naming each bad row."""
    reader = csv.reader(io.StringIO(_decode(raw), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InvitationCsvError(["The file is empty."]) from None
    except csv.Error as error:
        raise InvitationCsvError([f"The file is not a readable CSV: {error}."]) from None
    columns = [_column_key(name) for name in header]
    problems = []
    unknown = [
        name
        for name, key in zip(header, columns, strict=True)
        if key not in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)
    ]
    if unknown:
        problems.append(
            "Unknown column " + ", ".join(f"“{name}”" for name in unknown) + ". "
            "Use: email, first_name, last_name, role."
        )
    if "email" not in columns:
        problems.append("The file needs an “email” column.")
    if len(set(columns)) != len(columns):
        problems.append("A column appears twice in the header.")
    if problems:
        raise InvitationCsvError(problems)

    invitees: list[InviteeData] = []
    first_row_of: dict[str, int] = {}
    checker = InviteeChecker(chapter)
    try:
        for line_number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(invitees) >= MAX_ROWS:
                problems.append(f"The file has more than {MAX_ROWS} rows; split it.")
                break
            row_problem, invitee = _read_row(checker, columns, cells, first_row_of, line_number)
            if row_problem:
                problems.append(f"Row {line_number}: {row_problem}")
            else:
                invitees.append(invitee)
    except csv.Error as error:
        problems.append(f"Row {reader.line_num}: the CSV is malformed ({error}).")
    if not invitees and not problems:
        problems.append("The file has a header but no one to invite.")
    if problems:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        if len(problems) > len(shown):
            shown.append(f"… and {len(problems) - len(shown)} more problems.")
        raise InvitationCsvError(shown)
    return invitees


def _read_row(checker, columns, cells, first_row_of, line_number):
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
    email = row["email"].lower()
    if not email:
        return "the email is empty.", None
    if email in first_row_of:
        return f"{email} is a duplicate of row {first_row_of[email]}.", None
    first_row_of[email] = line_number
    problem = checker.problem(email)
    if problem:
        return problem, None
    role = _role_from_cell(row.get("role", ""))
    if role is None:
        return f"unknown role “{row['role']}” (use member or leader).", None
    invitee = InviteeData(
        email=email,
        first_name=row.get("first_name", ""),
        last_name=row.get("last_name", ""),
        role=role,
    )
    return None, invitee

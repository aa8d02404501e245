"""Read a CSV of people to invite. All rows are checked before anything is created."""

from chapters.invitations import InviteeChecker, InviteeData
from chapters.models import Chapter, Role
from common.csv_rows import CsvImportError, column_key, read_csv_rows

REQUIRED_COLUMNS = ("email",)
OPTIONAL_COLUMNS = ("first_name", "last_name", "role")
MAX_ROWS = 5000


class InvitationCsvError(CsvImportError):
    """The file cannot be imported; `problems` lists every reason, row by row."""


def _role_from_cell(cell: str) -> str | None:
    value = column_key(cell) or Role.MEMBER
    return value if value in (Role.MEMBER, Role.LEADER) else None


def read_invitation_csv(*, chapter: Chapter, raw: bytes) -> list[InviteeData]:
    """Parse and check every row; raise InvitationCsvError naming each bad row."""
    checker = InviteeChecker(chapter)
    first_row_of: dict[str, int] = {}

    def read_row(row: dict, line_number: int):
        return _read_row(checker, row, first_row_of, line_number)

    return read_csv_rows(
        raw,
        required=REQUIRED_COLUMNS,
        optional=OPTIONAL_COLUMNS,
        read_row=read_row,
        nothing="The file has a header but no one to invite.",
        max_rows=MAX_ROWS,
        error_class=InvitationCsvError,
    )


def _read_row(checker, row, first_row_of, line_number):
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

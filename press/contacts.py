"""The press list: media contacts added by hand, imported from a CSV, or from sign-in sheets.

An import is all or nothing: every row is checked first (`common.csv_rows`) and a
single bad row, named, leaves the list as it was. Press who signed in at a
coalition event join the list only when the leader records that they agreed.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from localflavor.us.us_states import STATES_NORMALIZED, US_STATES

from chapters.models import Chapter
from coalitions.models import CoalitionEvent, Guest, GuestKind
from common.csv_rows import CsvImportError, read_csv_rows
from members.models import User
from outbox.models import Email, EmailState
from outbox.services import emails_cancel
from press.models import RELEASE_EMAIL_KIND, ContactSource, MediaContact

REQUIRED_COLUMNS = ("name", "email", "outlet")
OPTIONAL_COLUMNS = ("beat", "state", "language", "ethnic_media")
STATE_CODES = {code for code, _ in US_STATES}
YES = {"yes", "y", "true", "1", "x"}
NO = {"", "no", "n", "false", "0"}


class ContactError(Exception):
    """A press contact that cannot be added; the message says why."""


class ContactCsvError(CsvImportError):
    """The press list file cannot be imported; `problems` names every bad row."""


@dataclass(frozen=True)
class ContactData:
    name: str
    email: str
    outlet: str
    beat: str = ""
    market_state: str = ""
    language: str = "English"
    is_ethnic_media: bool = False


def _state(cell: str) -> str | None:
    if not cell:
        return ""
    if cell.upper() in STATE_CODES:
        return cell.upper()
    return STATES_NORMALIZED.get(cell.strip().lower())


def read_contact_csv(*, raw: bytes) -> list[ContactData]:
    """Every row checked; ContactCsvError names each bad one (nothing is imported)."""
    known = set(MediaContact.objects.annotate(e=Lower("email")).values_list("e", flat=True))
    first_row_of: dict[str, int] = {}

    def read_row(row: dict, line_number: int):
        email = row["email"].lower()
        for column in REQUIRED_COLUMNS:
            if not row[column]:
                return f"the {column} is empty.", None
        try:
            validate_email(email)
        except ValidationError:
            return f"“{row['email']}” is not an email address.", None
        if email in first_row_of:
            return f"{email} is a duplicate of row {first_row_of[email]}.", None
        first_row_of[email] = line_number
        if email in known:
            return f"{email} is already on the press list.", None
        state = _state(row.get("state", ""))
        if state is None:
            return f"unknown state “{row['state']}” (use a code such as MN).", None
        ethnic = row.get("ethnic_media", "").lower()
        if ethnic not in YES | NO:
            return f"ethnic_media is “{row['ethnic_media']}”: write yes or no.", None
        too_long = [c for c in ("name", "outlet", "beat") if len(row.get(c, "")) > 200]
        if too_long:
            return f"the {too_long[0]} is longer than 200 characters.", None
        return None, ContactData(
            name=row["name"],
            email=email,
            outlet=row["outlet"],
            beat=row.get("beat", ""),
            market_state=state,
            language=row.get("language", "")[:60] or "English",
            is_ethnic_media=ethnic in YES,
        )

    return read_csv_rows(
        raw,
        required=REQUIRED_COLUMNS,
        optional=OPTIONAL_COLUMNS,
        read_row=read_row,
        nothing="The file has a header but no contacts.",
        error_class=ContactCsvError,
    )


def contacts_import(*, raw: bytes, chapter: Chapter | None, by: User) -> int:
    """Read the whole file, then create every contact in one transaction; how many."""
    rows = read_contact_csv(raw=raw)
    with transaction.atomic():
        MediaContact.objects.bulk_create(
            [
                MediaContact(
                    **row.__dict__, chapter=chapter, source=ContactSource.IMPORT, added_by=by
                )
                for row in rows
            ]
        )
    return len(rows)


def contact_add(*, data: ContactData, chapter: Chapter | None, by: User, **extra) -> MediaContact:
    email = data.email.strip().lower()
    with transaction.atomic():
        if MediaContact.objects.filter(email__iexact=email).exists():
            raise ContactError(f"{email} is already on the press list.")
        return MediaContact.objects.create(
            **{**data.__dict__, "email": email}, chapter=chapter, added_by=by, **extra
        )


def contact_remove(*, contact: MediaContact) -> None:
    """Off the list at the person's wish: the contact and its outreach go; releases already
    queued to the address are not sent (the outbox's opt-out does the same from a link)."""
    waiting = Email.objects.filter(
        to__iexact=contact.email, kind=RELEASE_EMAIL_KIND, state=EmailState.QUEUED
    ).values_list("key", flat=True)
    with transaction.atomic():
        emails_cancel(keys=list(waiting), reason="Removed from the press list.")
        contact.delete()


def signed_in_press(*, event: CoalitionEvent) -> list[Guest]:
    """Press who signed in at the event with an address, not yet on the list."""
    known = MediaContact.objects.annotate(e=Lower("email")).values("e")
    return list(
        Guest.objects.filter(event=event, kind=GuestKind.PRESS, checked_in_at__isnull=False)
        .exclude(email="")
        .annotate(e=Lower("email"))
        .exclude(e__in=known)
        .order_by("last_name", "first_name")
    )


def contacts_from_sign_in(
    *, event: CoalitionEvent, guest_ids: list[int], by: User
) -> list[MediaContact]:
    """Add the press who agreed on the sign-in sheet (the leader ticks each); consent noted."""
    chosen = [guest for guest in signed_in_press(event=event) if guest.pk in set(guest_ids)]
    note = f"Agreed at the press sign-in of “{event.name}” ({event.when}), recorded by {by}"
    with transaction.atomic():
        return [
            MediaContact.objects.create(
                name=guest.full_name,
                email=guest.email.lower(),
                outlet=guest.organisation or "Independent",
                beat=guest.title,
                market_state="",
                chapter=event.chapter,
                source=ContactSource.SIGN_IN,
                consent_note=note[:300],
                added_by=by,
            )
            for guest in chosen
        ]

"""A campaign's actions as CSV (streamed) or XLSX, through `common.spreadsheets`.

A public supporter's name and email are in the file only when they agreed to
be contacted; a forgotten supporter is "anonymised". Members are known to the
association already.
"""

import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from actions.models import Channel, Outcome
from actions.selectors import actions_in_scope
from common.spreadsheets import XLSX_CONTENT_TYPE, csv_response, write_xlsx

HEADERS = [
    "When",
    "Lawmaker",
    "Seat",
    "Channel",
    "Outcome",
    "District office",
    "Who",
    "Name",
    "Email",
    "ZIP code",
    "State",
    "District",
    "May contact",
    "Wants to join chapter",
]
COLUMNS = (
    "created_at",
    "lawmaker__full_name",
    "lawmaker__state",
    "lawmaker__district",
    "lawmaker__chamber",
    "lawmaker__level",
    "channel",
    "outcome",
    "district_office__city",
    "user_id",
    "user__first_name",
    "user__last_name",
    "user__email",
    "supporter_id",
    "supporter__name",
    "supporter__email",
    "supporter__forgotten_at",
    "supporter__consents_to_contact",
    "supporter__wants_to_join_chapter",
    "zip_code",
    "state",
    "district",
)
CHANNELS, OUTCOMES = dict(Channel.choices), dict(Outcome.choices)


def _seat(row: dict) -> str:
    if row["lawmaker__level"] == "federal":
        if row["lawmaker__chamber"] == "upper":
            return f"{row['lawmaker__state']} Senate"
        return f"{row['lawmaker__state']}-{row['lawmaker__district']}"
    return f"{row['lawmaker__state']} {row['lawmaker__chamber']} {row['lawmaker__district']}"


def _row(row: dict) -> list:
    if row["user_id"]:
        who = "member"
        name = f"{row['user__first_name']} {row['user__last_name']}".strip()
        email = row["user__email"]
        contact, join = "", ""
    elif row["supporter_id"] and row["supporter__forgotten_at"] is None:
        who = "public"
        consent = row["supporter__consents_to_contact"]
        name = row["supporter__name"] if consent else ""
        email = row["supporter__email"] if consent else ""
        contact = "yes" if consent else "no"
        join = "yes" if row["supporter__wants_to_join_chapter"] else "no"
    else:
        who, name, email, contact, join = "anonymised", "", "", "", ""
    return [
        timezone.localtime(row["created_at"]).strftime("%Y-%m-%d %H:%M"),
        row["lawmaker__full_name"],
        _seat(row),
        CHANNELS.get(row["channel"], row["channel"]),
        OUTCOMES.get(row["outcome"], row["outcome"]),
        row["district_office__city"] or "",
        who,
        name,
        email,
        row["zip_code"],
        row["state"],
        "" if row["district"] is None else row["district"],
        contact,
        join,
    ]


def export_rows(campaign, states):
    rows = (
        actions_in_scope(campaign, states)
        .order_by("created_at", "pk")
        .values(*COLUMNS)
        .iterator(chunk_size=2000)
    )
    return (_row(row) for row in rows)


def export_response(campaign, states, fmt: str):
    filename = f"actions-{campaign.slug}.{fmt}"
    if fmt == "csv":
        return csv_response(filename, HEADERS, export_rows(campaign, states))
    buffer = io.BytesIO()
    write_xlsx(buffer, HEADERS, export_rows(campaign, states), title="Actions")
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response

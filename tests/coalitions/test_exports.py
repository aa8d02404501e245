"""The coalition exports (endorsements, guests' postcards) never hand staff a formula.

Read back with the csv module: every text cell beginning with =, +, -, @, tab
or carriage return arrives with the apostrophe that makes a spreadsheet show it
as text.
"""

import csv
import io

import pytest
from django.urls import reverse

from coalitions.models import Endorsement, Postcard
from tests.coalitions.factories import PrinciplesFactory

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"]


def read_csv(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_endorsements_export_neutralises_formula_like_text(client, staff, chapter):
    principles = PrinciplesFactory(chapter=chapter)
    for number, text in enumerate(FORMULAS):
        Endorsement.objects.create(
            principles=principles,
            name=text,
            title=text,
            organisation=text,
            email=f"e{number}@example.org",
        )
    client.force_login(staff)
    response = client.get(reverse("coalitions:endorsements_csv", args=[principles.pk]))
    assert response["Content-Disposition"] == (
        f'attachment; filename="endorsements-{principles.pk}.csv"'
    )
    rows = read_csv(response)
    assert [(row["name"], row["title"], row["organisation"]) for row in rows] == [
        ("'" + text,) * 3 for text in FORMULAS
    ]


def test_postcards_export_neutralises_what_guests_typed(
    client, staff, coalition_event, mn_delegation
):
    for text in FORMULAS:
        postcard = Postcard.objects.create(
            event=coalition_event,
            name=text,
            street=text,
            city=text,
            state="MN",
            zip_code="55401",
            message="Dear {{ lawmaker }}",
        )
        postcard.lawmakers.set([mn_delegation["senator_a"]])
    client.force_login(staff)
    response = client.get(reverse("coalitions:postcards_csv", args=[coalition_event.pk]))
    rows = read_csv(response)
    assert [(row["name"], row["street"], row["city"]) for row in rows] == [
        ("'" + text,) * 3 for text in FORMULAS
    ]
    assert {row["lawmaker"] for row in rows} == {"Ada Lindgren"}

"""common.pdf: templates laid out as PDFs, with nothing fetched but our static files."""

import pytest
from django.template import engines

from common import pdf


@pytest.fixture
def template(tmp_path, settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    engines._engines = {}
    if hasattr(engines, "templates"):
        del engines.templates

    def write(text: str) -> str:
        (tmp_path / "doc.html").write_text(text)
        return "doc.html"

    yield write
    engines._engines = {}
    del engines.templates


def test_a_template_becomes_a_pdf_with_its_text(template):
    name = template("<h1>{{ title }}</h1><p>Dear scheduler,</p>")

    made = pdf.render_pdf(name, {"title": "Meeting request"})

    assert made.startswith(b"%PDF-")
    assert len(made) > 1000


def test_our_static_files_are_found_and_outside_addresses_never_fetched(template, monkeypatch):
    asked = []
    real = pdf.static_file_for
    monkeypatch.setattr(pdf, "static_file_for", lambda url: asked.append(url) or real(url))
    name = template(
        '{% load static %}<link rel="stylesheet" href="{% static "css/print.css" %}">'
        '<img src="http://127.0.0.1:9/tracker.png"><img src="file:///etc/passwd">x'
    )

    made = pdf.render_pdf(name)

    assert made.startswith(b"%PDF-")
    assert [url for url in asked if real(url)] == ["https://pdf.invalid/static/css/print.css"]
    assert "file:///etc/passwd" in asked  # asked, and refused: not one of our static files


def test_the_response_is_a_named_download():
    response = pdf.pdf_response("letter to Sen. Smith.pdf", b"%PDF-1.7")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response.content == b"%PDF-1.7"

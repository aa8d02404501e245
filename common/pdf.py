"""PDFs drawn from our own HTML templates: the one PDF engine of the app (WeasyPrint).

A printable letter, a press release or a certificate is a Django template like any
page; `render_pdf` lays it out on paper. The document may use our static files
(`{% static %}` paths: stylesheets, images) and `data:` addresses, nothing else: a
template never makes the server fetch from the network, whatever a person typed
into it.

    pdf = render_pdf("actions/letter_print.html", {"letter": letter})
    return pdf_response("letter.pdf", pdf)
"""

import mimetypes

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

PDF_CONTENT_TYPE = "application/pdf"
# The base every relative address in a document is read against; `static_file_for`
# turns it back into a path on disk.
DOCUMENT_BASE = "https://pdf.invalid/"


class RefusedAddress(ValueError):
    """A document asked for something other than one of our static files."""


def static_file_for(url: str) -> str | None:
    """The file on disk behind one of our static addresses in a document, else None."""
    if not url.startswith(DOCUMENT_BASE):
        return None
    path = url.removeprefix(DOCUMENT_BASE).split("?", 1)[0].split("#", 1)[0]
    static_prefix = settings.STATIC_URL.lstrip("/")
    if not path.startswith(static_prefix):
        return None
    name = path.removeprefix(static_prefix)
    # In development the finders know the file; in production the name is the
    # collected, hashed copy, which only the storage knows.
    found = finders.find(name)
    if not found and staticfiles_storage.exists(name):
        found = staticfiles_storage.path(name)
    return found


def _fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Our static files and `data:` addresses; every other address is refused."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            found = static_file_for(url)
            if found is None:
                raise RefusedAddress(f"A PDF may only use the app's own static files: {url}")
            with open(found, "rb") as file:
                kind = mimetypes.guess_type(found)[0] or "application/octet-stream"
                return URLFetcherResponse(url, file.read(), {"Content-Type": kind})

    return StaticOnlyFetcher(allowed_protocols=("data", "https"))


def render_pdf(template_name: str, context: dict | None = None) -> bytes:
    """The template rendered with `context`, laid out as a PDF."""
    from weasyprint import HTML  # imported when a PDF is made: it loads Pango

    html = render_to_string(template_name, context or {})
    return HTML(string=html, base_url=DOCUMENT_BASE, url_fetcher=_fetcher()).write_pdf()


def pdf_response(filename: str, pdf: bytes, *, as_attachment: bool = True) -> HttpResponse:
    """A download (or, `as_attachment=False`, a PDF shown in the browser)."""
    response = HttpResponse(pdf, content_type=PDF_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return response

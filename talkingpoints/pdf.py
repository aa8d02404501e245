"""Leave-behind files: PDF only, recognised by their content, within the size limit."""

from django.conf import settings

PDF_MAGIC = b"%PDF-"
# The end-of-file marker sits in the last kilobyte of a well-formed PDF.
EOF_MARKER = b"%%EOF"
TAIL_BYTES = 1024


class NotAPdf(ValueError):
    """The upload is not a PDF we accept; the message says why, for the person uploading."""


def max_bytes() -> int:
    return settings.LEAVE_BEHIND_MAX_MB * 1024 * 1024


def check_pdf(upload) -> None:
    """Refuse anything but a reasonably sized PDF, whatever its name or declared type claims."""
    name = getattr(upload, "name", "") or ""
    if upload.size == 0:
        raise NotAPdf("The file is empty.")
    if upload.size > max_bytes():
        raise NotAPdf(
            f"The file is {upload.size / 1024 / 1024:.1f} MB; "
            f"leave-behinds can be at most {settings.LEAVE_BEHIND_MAX_MB} MB."
        )
    if not name.lower().endswith(".pdf"):
        raise NotAPdf("Only PDF files (.pdf) can be leave-behinds.")
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(max(upload.size - TAIL_BYTES, 0))
    tail = upload.read(TAIL_BYTES)
    upload.seek(0)
    if head != PDF_MAGIC:
        raise NotAPdf(f"{name} is not a PDF file, whatever its name says.")
    if EOF_MARKER not in tail:
        raise NotAPdf(f"{name} looks cut short: a PDF file ends with an end-of-file marker.")

"""Leave-behinds: PDFs only (by content), size-limited, served only to the meeting's people."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from talkingpoints.models import LeaveBehind
from tests.factories import MembershipFactory
from tests.talkingpoints.factories import AskFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def ask(event):
    return AskFactory(event=event, title="Cut the visa backlogs")


def upload(client, ask, name, content, title="One-pager"):
    return client.post(
        reverse("talkingpoints:leave_behind_upload", args=[ask.pk]),
        {"title": title, "file": SimpleUploadedFile(name, content, "application/pdf")},
    )


def test_staff_upload_a_pdf_stored_outside_public_media(client_as, ask, media_root):
    response = upload(client_as("staff"), ask, "one-pager.pdf", PDF)

    stored = LeaveBehind.objects.get()
    assert response.status_code == 302
    assert (stored.title, stored.original_name, stored.size) == (
        "One-pager",
        "one-pager.pdf",
        len(PDF),
    )
    assert (media_root / stored.file.name).read_bytes() == PDF
    assert stored.file.name.startswith(f"leave-behinds/{ask.event_id}/")
    assert "one-pager" not in stored.file.name  # our name, not the uploader's


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("picture.pdf", PNG, "is not a PDF file, whatever its name says"),
        ("page.pdf", b"<html><script>alert(1)</script></html>", "is not a PDF file"),
        ("one-pager.exe", PDF, "Only PDF files (.pdf) can be leave-behinds."),
        ("cut.pdf", PDF[:-7], "looks cut short"),
        ("empty.pdf", b"", "The submitted file is empty."),
    ],
)
def test_anything_but_a_pdf_is_refused_with_a_message(client_as, ask, name, content, message):
    response = upload(client_as("staff"), ask, name, content)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert LeaveBehind.objects.count() == 0


def test_a_file_over_the_limit_is_refused(client_as, ask, settings):
    settings.LEAVE_BEHIND_MAX_MB = 1
    big = PDF[:-6] + b"0" * (1024 * 1024) + b"%%EOF\n"

    response = upload(client_as("staff"), ask, "big.pdf", big)

    assert response.status_code == 400
    assert "leave-behinds can be at most 1 MB" in response.content.decode()
    assert LeaveBehind.objects.count() == 0


@pytest.mark.parametrize("role", ["member", "leader", "other_leader"])
def test_only_staff_upload(client_as, ask, role):
    assert upload(client_as(role), ask, "one-pager.pdf", PDF).status_code == 403
    assert LeaveBehind.objects.count() == 0


@pytest.fixture
def leave_behind(client_as, ask):
    upload(client_as("staff"), ask, "one-pager.pdf", PDF)
    client_as("anonymous").logout()
    return LeaveBehind.objects.get()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("seated", 200),
        ("outsider", 403),
        ("member", 403),  # in the chapter, but going to no meeting
        ("leader", 200),  # their chapter meets in this event
        ("other_leader", 403),
        ("staff", 200),
    ],
)
def test_leave_behind_download_permission_matrix(
    client, roles, seated, outsider, leave_behind, role, status
):
    user = {**roles, "seated": seated, "outsider": outsider}[role]
    if role == "member":
        user = MembershipFactory(chapter=leave_behind.ask.event.meetings.get().chapter).user
    if user is not None:
        client.force_login(user)

    response = client.get(reverse("talkingpoints:leave_behind_file", args=[leave_behind.pk]))

    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == PDF


def test_briefing_links_the_leave_behind(client, seated, meeting, leave_behind):
    client.force_login(seated)

    page = client.get(reverse("talkingpoints:briefing", args=[meeting.pk])).content.decode()

    assert reverse("talkingpoints:leave_behind_file", args=[leave_behind.pk]) in page
    assert "/media/" not in page


def test_staff_remove_a_leave_behind_and_its_file(
    client_as, leave_behind, media_root, django_capture_on_commit_callbacks
):
    path = media_root / leave_behind.file.name

    with django_capture_on_commit_callbacks(execute=True):
        client_as("staff").post(
            reverse("talkingpoints:leave_behind_delete", args=[leave_behind.pk])
        )

    assert LeaveBehind.objects.count() == 0
    assert not path.exists()

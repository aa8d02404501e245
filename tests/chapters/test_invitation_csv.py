import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chapters.invitation_csv import InvitationCsvError, read_invitation_csv
from chapters.invitations import InviteeData
from chapters.models import Invitation, Role


def problems_of(chapter, raw: bytes) -> list[str]:
    with pytest.raises(InvitationCsvError) as error:
        read_invitation_csv(chapter=chapter, raw=raw)
    return error.value.problems


def test_read_invitation_csv_good_file_returns_invitees(chapter):
    raw = (
        b"email,first_name,last_name,role\n"
        b"Ana@Example.org,Ana,Lopez,member\n"
        b"sam@example.org,Sam,Lee,Leader\n"
    )
    assert read_invitation_csv(chapter=chapter, raw=raw) == [
        InviteeData(email="ana@example.org", first_name="Ana", last_name="Lopez", role="member"),
        InviteeData(email="sam@example.org", first_name="Sam", last_name="Lee", role="leader"),
    ]


def test_read_invitation_csv_bom_and_crlf_work(chapter):
    raw = "\ufeffemail,first_name\r\nana@example.org,Ána\r\n\r\n".encode()
    assert read_invitation_csv(chapter=chapter, raw=raw) == [
        InviteeData(email="ana@example.org", first_name="Ána")
    ]


@pytest.mark.parametrize(
    "header",
    [
        "email,first_name,last_name,role",
        "Email,First Name,LAST NAME, Role ",
        "EMAIL,first-name,Last  Name,ROLE",
    ],
)
def test_read_invitation_csv_header_variants_work(chapter, header):
    raw = f"{header}\nana@example.org,Ana,Lopez,\n".encode()
    assert read_invitation_csv(chapter=chapter, raw=raw) == [
        InviteeData(email="ana@example.org", first_name="Ana", last_name="Lopez", role="member")
    ]


def test_read_invitation_csv_blank_lines_are_skipped(chapter):
    raw = b"email\n\nana@example.org\n ,\n"
    assert [i.email for i in read_invitation_csv(chapter=chapter, raw=raw)] == ["ana@example.org"]


def test_read_invitation_csv_bad_email_names_the_row(chapter):
    assert problems_of(chapter, b"email\nana@example.org\nnot-an-email\n") == [
        "Row 3: “not-an-email” is not a valid email address."
    ]


def test_read_invitation_csv_empty_email_names_the_row(chapter):
    assert problems_of(chapter, b"email,first_name\n,Ana\n") == ["Row 2: the email is empty."]


def test_read_invitation_csv_duplicate_names_the_first_row(chapter):
    raw = b"email\nana@example.org\nsam@example.org\nANA@example.org\n"
    assert problems_of(chapter, raw) == ["Row 4: ana@example.org is a duplicate of row 2."]


def test_read_invitation_csv_existing_member_names_the_row(chapter, member):
    raw = f"email\nnew@example.org\n{member.email.upper()}\n".encode()
    assert problems_of(chapter, raw) == [
        f"Row 3: {member.email} is already a member of Minnesota/Dakotas."
    ]


def test_read_invitation_csv_already_invited_names_the_row(chapter, sent_invitation):
    assert problems_of(chapter, b"email\nInvitee@example.org\n") == [
        "Row 2: invitee@example.org has an open invitation to Minnesota/Dakotas already: "
        "resend it instead."
    ]


def test_read_invitation_csv_unknown_column_is_named(chapter):
    assert problems_of(chapter, b"email,phone\nana@example.org,555\n") == [
        "Unknown column “phone”. Use: email, first_name, last_name, role."
    ]


def test_read_invitation_csv_missing_email_column(chapter):
    assert problems_of(chapter, b"first_name,last_name\nAna,Lopez\n") == [
        "The file needs an “email” column."
    ]


def test_read_invitation_csv_column_twice(chapter):
    assert problems_of(chapter, b"email,Email\na@example.org,b@example.org\n") == [
        "A column appears twice in the header."
    ]


@pytest.mark.parametrize("role", ["chair", "vice chair", "boss"])
def test_read_invitation_csv_role_other_than_member_or_leader_is_refused(chapter, role):
    raw = f"email,role\nana@example.org,{role}\n".encode()
    assert problems_of(chapter, raw) == [f"Row 2: unknown role “{role}” (use member or leader)."]


def test_read_invitation_csv_wrong_number_of_cells(chapter):
    raw = b"email,first_name,last_name\nana@example.org,Ana\nsam@example.org,Sam,Lee,x\n"
    assert problems_of(chapter, raw) == [
        "Row 2: expected 3 cells, found 2.",
        "Row 3: expected 3 cells, found 4.",
    ]


def test_read_invitation_csv_every_bad_row_is_listed(chapter, member):
    raw = (
        "email,role\n"
        "ok@example.org,member\n"
        "broken,member\n"
        "ok@example.org,leader\n"
        f"{member.email},member\n"
        "fine@example.org,admin\n"
    ).encode()
    assert problems_of(chapter, raw) == [
        "Row 3: “broken” is not a valid email address.",
        "Row 4: ok@example.org is a duplicate of row 2.",
        f"Row 5: {member.email} is already a member of Minnesota/Dakotas.",
        "Row 6: unknown role “admin” (use member or leader).",
    ]


def test_read_invitation_csv_empty_file(chapter):
    assert problems_of(chapter, b"") == ["The file is empty."]


def test_read_invitation_csv_header_only(chapter):
    assert problems_of(chapter, b"email,first_name\n") == [
        "The file has a header but no one to invite."
    ]


def test_read_invitation_csv_non_utf8_bytes(chapter):
    raw = "email,first_name\nana@example.org,José\n".encode("latin-1")
    assert problems_of(chapter, raw) == [
        "The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again."
    ]


NUL_IN_ROW = (
    "a cell holds an invisible NUL character. Save the file as “CSV UTF-8” and upload it again."
)


@pytest.mark.parametrize(
    "row",
    [
        b"sam\x00@example.org,Sam,Lee,member",
        b"sam@example.org,S\x00am,Lee,member",
        b"sam@example.org,Sam,Lee\x00,member",
        b"sam@example.org,Sam,Lee,mem\x00ber",
    ],
    ids=["email", "first_name", "last_name", "role"],
)
def test_read_invitation_csv_nul_byte_in_any_cell_names_the_row(chapter, row):
    raw = b"email,first_name,last_name,role\nana@example.org,Ana,Lopez,member\n" + row + b"\n"
    assert problems_of(chapter, raw) == [f"Row 3: {NUL_IN_ROW}"]


def test_invitation_upload_nul_byte_in_a_name_is_a_problem_not_a_crash(upload, mailoutbox):
    response = upload(b"email,first_name\nana@example.org,A\x00na\n")
    assert response.status_code == 200
    assert response.context["problems"] == [f"Row 2: {NUL_IN_ROW}"]
    assert (Invitation.objects.count(), len(mailoutbox)) == (0, 0)


def test_read_invitation_csv_too_many_problems_are_summarised(chapter):
    raw = ("email\n" + "".join(f"bad{n}\n" for n in range(60))).encode()
    problems = problems_of(chapter, raw)
    assert (len(problems), problems[-1]) == (51, "… and 10 more problems.")


# The upload page, end to end through the view.


@pytest.fixture
def upload(client, leader, chapter, django_capture_on_commit_callbacks):
    client.force_login(leader)
    url = reverse("chapters:invitation_upload", args=[chapter.slug])

    def post(raw: bytes, name: str = "people.csv"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, {"file": SimpleUploadedFile(name, raw)})

    return post


def test_invitation_upload_good_file_creates_and_sends_all(upload, chapter, mailoutbox):
    response = upload(
        b"email,first_name,role\nana@example.org,Ana,member\nsam@example.org,Sam,leader\n"
    )
    assert response.status_code == 302
    assert response.url == reverse("chapters:invitations", args=[chapter.slug])
    created = dict(Invitation.objects.filter(chapter=chapter).values_list("email", "role"))
    assert created == {"ana@example.org": Role.MEMBER, "sam@example.org": Role.LEADER}
    assert sorted(m.to[0] for m in mailoutbox) == ["ana@example.org", "sam@example.org"]


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"email\nana@example.org\nnope\n", "Row 3: “nope” is not a valid email address."),
        (
            b"email\nana@example.org\nana@example.org\n",
            "Row 3: ana@example.org is a duplicate of row 2.",
        ),
        (b"mail\nana@example.org\n", "The file needs an “email” column."),
        (b"", "The submitted file is empty."),
        (b"email\n\xff\xfeana@example.org\n", "The file is not UTF-8 text."),
    ],
    ids=["bad-email", "duplicate", "no-email-column", "empty", "not-utf8"],
)
def test_invitation_upload_bad_file_lists_problems_and_creates_nothing(
    upload, chapter, mailoutbox, raw, problem
):
    response = upload(raw)
    assert response.status_code == 200
    assert problem in response.content.decode()
    assert (Invitation.objects.count(), len(mailoutbox)) == (0, 0)


def test_invitation_upload_existing_member_creates_nothing(upload, member):
    response = upload(f"email\nana@example.org\n{member.email}\n".encode())
    assert response.status_code == 200
    assert response.context["problems"] == [
        f"Row 3: {member.email} is already a member of Minnesota/Dakotas."
    ]
    assert Invitation.objects.count() == 0


def test_invitation_upload_not_a_csv_name_is_refused(upload):
    response = upload(b"email\nana@example.org\n", name="people.xlsx")
    assert response.status_code == 200
    assert response.context["form"].errors == {"file": ["Upload a .csv file."]}
    assert Invitation.objects.count() == 0


def test_invitation_upload_without_file_is_refused(client, leader, chapter):
    client.force_login(leader)
    url = reverse("chapters:invitation_upload", args=[chapter.slug])
    response = client.post(url, {"file": ""})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["file"]


def test_invitation_upload_larger_than_2mb_is_refused(upload):
    raw = b"email\n" + b"".join(f"p{n:07d}@example.org\n".encode() for n in range(110_000))
    response = upload(raw)
    assert response.status_code == 200
    assert response.context["form"].errors == {"file": ["The file is larger than 2 MB; split it."]}
    assert Invitation.objects.count() == 0


def test_read_invitation_csv_more_than_max_rows_is_refused(chapter, monkeypatch):
    monkeypatch.setattr("chapters.invitation_csv.MAX_ROWS", 3)
    raw = b"email\n" + b"".join(f"p{n}@example.org\n".encode() for n in range(5))
    assert problems_of(chapter, raw) == ["The file has more than 3 rows; split it."]

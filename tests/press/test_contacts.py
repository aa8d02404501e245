"""The press list: CSV imports all or nothing with bad rows named, the sign-in feed with
consent, and who sees which contacts."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coalitions.models import GuestKind
from press.contacts import contacts_from_sign_in, signed_in_press
from press.models import ContactSource, MediaContact
from tests.coalitions.factories import CoalitionEventFactory, GuestFactory

GOOD = (
    "name,email,outlet,beat,state,language,ethnic_media\n"
    "Rosa Díaz,rosa@telemundo.example,Telemundo Minnesota,Immigration,MN,Spanish,yes\n"
    "Tom Berg,tom@startribune.example,Star Tribune,Courts,Minnesota,English,no\n"
)


def upload(client, text: str, **extra):
    file = SimpleUploadedFile("press.csv", text.encode(), content_type="text/csv")
    return client.post(reverse("press:contacts_import"), {"file": file, **extra})


def test_import_creates_every_contact_for_the_leaders_chapter(client, leader, chapter):
    client.force_login(leader)
    response = upload(client, GOOD)
    assert response.status_code == 302
    rosa = MediaContact.objects.get(email="rosa@telemundo.example")
    assert (rosa.language, rosa.is_ethnic_media, rosa.market_state) == ("Spanish", True, "MN")
    assert rosa.chapter == chapter and rosa.source == ContactSource.IMPORT
    assert MediaContact.objects.get(email="tom@startribune.example").market_state == "MN"


def test_import_with_bad_rows_names_each_and_imports_nothing(client, staff, press_contacts):
    bad = (
        GOOD
        + "No Address,,Radio Uno,,,,\n"
        + "Bad State,bs@example.org,KMSP,,Narnia,,\n"
        + "Dup,ROSA@telemundo.example,X,,,,\n"
        + "Old,ann@tennessean.example,Y,,,,\n"
        + "Odd,odd@example.org,Z,,,,maybe\n"
    )
    MediaContact.objects.filter(email="rosa@telemundo.example").delete()
    client.force_login(staff)
    response = upload(client, bad)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported." in html
    assert "Row 4: the email is empty." in html
    assert "Row 5: unknown state “Narnia”" in html
    assert "Row 6: rosa@telemundo.example is a duplicate of row 2." in html
    assert "Row 7: ann@tennessean.example is already on the press list." in html
    assert "Row 8: ethnic_media is “maybe”" in html
    assert not MediaContact.objects.filter(email="rosa@telemundo.example").exists()


def test_import_refuses_unknown_columns(client, staff):
    client.force_login(staff)
    response = upload(client, "name,email,outlet,phone\nA,a@example.org,B,1\n")
    assert response.status_code == 400
    assert "Unknown column “phone”" in response.content.decode()
    assert not MediaContact.objects.exists()


def test_a_contact_added_by_hand_twice_is_refused_with_the_form_kept(client, staff):
    client.force_login(staff)
    data = {
        "name": "Tom",
        "email": "tom@x.example",
        "outlet": "Star Tribune",
        "language": "English",
    }
    assert client.post(reverse("press:contacts"), data).status_code == 302
    again = client.post(reverse("press:contacts"), {**data, "email": "TOM@x.example"})
    assert again.status_code == 400
    assert "already on the press list" in again.content.decode()
    assert MediaContact.objects.count() == 1


def test_leaders_see_their_chapters_contacts_and_their_states_press(
    client, leader, other_leader, press_contacts
):
    client.force_login(other_leader)  # Tennessee
    html = client.get(reverse("press:contacts")).content.decode()
    assert "Rosa" not in html and "Tom Berg" not in html and "Ann Lee" in html
    client.force_login(leader)  # Minnesota/Dakotas
    html = client.get(reverse("press:contacts")).content.decode()
    assert "Rosa" in html and "Tom Berg" in html and "Ann Lee" not in html


def test_signed_in_press_join_the_list_only_when_ticked(leader, chapter):
    coalition = CoalitionEventFactory(chapter=chapter)
    now = timezone.now()
    agreed = GuestFactory(
        event=coalition, kind=GuestKind.PRESS, organisation="MPR News", checked_in_at=now
    )
    declined = GuestFactory(event=coalition, kind=GuestKind.PRESS, checked_in_at=now)
    GuestFactory(event=coalition, kind=GuestKind.PRESS)  # never signed in
    GuestFactory(event=coalition, kind=GuestKind.PUBLIC, checked_in_at=now)  # not press
    assert {g.pk for g in signed_in_press(event=coalition)} == {agreed.pk, declined.pk}
    (added,) = contacts_from_sign_in(event=coalition, guest_ids=[agreed.pk], by=leader)
    assert (added.outlet, added.source, added.chapter) == ("MPR News", "sign_in", chapter)
    assert "press sign-in" in added.consent_note
    assert not MediaContact.objects.filter(email=declined.email).exists()
    assert [g.pk for g in signed_in_press(event=coalition)] == [declined.pk]


def test_contact_page_shows_its_outreach_to_those_who_manage_it(
    client, leader, other_leader, chapter_page, press_contacts
):
    from press.services import outreach_log

    rosa = press_contacts[0]
    outreach_log(page=chapter_page, contact=rosa, kind="interview", note="Live at 6", by=leader)
    client.force_login(leader)
    html = client.get(reverse("press:contact", args=[rosa.pk])).content.decode()
    assert "Live at 6" in html and "Interview" in html
    client.force_login(other_leader)
    assert client.get(reverse("press:contact", args=[rosa.pk])).status_code == 403
    client.force_login(leader)
    tom, ann = press_contacts[1], press_contacts[2]  # Minnesota's press; Tennessee's
    assert client.get(reverse("press:contact", args=[tom.pk])).status_code == 200
    assert client.get(reverse("press:contact", args=[ann.pk])).status_code == 403


def test_press_list_filters_spanish_and_ethnic_media(client, staff, press_contacts):
    client.force_login(staff)
    html = client.get(reverse("press:contacts"), {"language": "spanish"}).content.decode()
    assert "Rosa" in html and "Tom Berg" not in html
    html = client.get(reverse("press:contacts"), {"ethnic": "1"}).content.decode()
    assert "Rosa" in html and "Tom Berg" not in html


def test_removing_a_contact_cancels_releases_waiting_for_them(
    client, staff, leader, other_leader, chapter_page, press_contacts
):
    from outbox.models import Email
    from press import releases

    release = releases.release_create(page=chapter_page, kind="before", by=leader)
    release.embargo_until = release.embargo_until + timezone.timedelta(days=1)
    release.save()
    releases.release_approve(release=release, by=staff)
    rosa = press_contacts[0]
    client.force_login(other_leader)
    assert client.post(reverse("press:contact_remove", args=[rosa.pk])).status_code == 403
    client.force_login(leader)
    assert client.post(reverse("press:contact_remove", args=[rosa.pk])).status_code == 302
    assert not MediaContact.objects.filter(pk=rosa.pk).exists()
    assert Email.objects.get(to=rosa.email).state == "cancelled"
    tom = press_contacts[1]
    html = client.get(reverse("press:contact", args=[tom.pk])).content.decode()
    assert f"Release {release.pk}" in html and "Queued" in html
    assert Email.objects.get(to=press_contacts[1].email).state == "queued"

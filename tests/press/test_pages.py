"""Starting, editing and publishing pages from the kit; the press who signed in at the door."""

from django.urls import reverse
from django.utils import timezone

from coalitions.models import GuestKind
from press.models import MediaContact, PublicPage
from press.services import page_create
from tests.coalitions.factories import CoalitionEventFactory, GuestFactory


def test_staff_start_a_national_page(client, staff, event):
    client.force_login(staff)
    response = client.post(
        reverse("press:page_create"), {"which": "day", "day-event": event.pk, "day-chapter": ""}
    )
    page = PublicPage.objects.get()
    assert response.url == reverse("press:page", args=[page.pk])
    assert (page.event, page.chapter, page.is_published) == (event, None, False)


def test_a_leader_starts_a_page_only_for_a_chapter_they_lead(
    client, leader, event, chapter, other_chapter
):
    client.force_login(leader)
    client.post(
        reverse("press:page_create"),
        {"which": "day", "day-event": event.pk, "day-chapter": other_chapter.pk},
        follow=True,
    )
    assert not PublicPage.objects.exists()
    response = client.post(
        reverse("press:page_create"), {"which": "day", "day-event": event.pk}, follow=True
    )
    assert "Chapter: This field is required." in response.content.decode()
    assert not PublicPage.objects.exists()
    client.post(
        reverse("press:page_create"),
        {"which": "day", "day-event": event.pk, "day-chapter": chapter.pk},
    )
    assert PublicPage.objects.get().chapter == chapter


def test_editing_the_page_keeps_what_was_typed_when_the_hashtag_is_bad(
    client, leader, chapter_page
):
    client.force_login(leader)
    response = client.post(
        reverse("press:page_edit", args=[chapter_page.pk]),
        {"headline": "New headline", "summary": "Kept summary", "hashtag": "two words"},
    )
    html = response.content.decode()
    assert "letters, digits and _ only" in html and "Kept summary" in html
    chapter_page.refresh_from_db()
    assert chapter_page.headline != "New headline"


def test_press_who_signed_in_are_added_from_the_coalition_page(client, leader, chapter):
    coalition = CoalitionEventFactory(chapter=chapter)
    page = page_create(by=leader, coalition_event=coalition)
    agreed = GuestFactory(
        event=coalition, kind=GuestKind.PRESS, organisation="MPR", checked_in_at=timezone.now()
    )
    client.force_login(leader)
    html = client.get(reverse("press:page", args=[page.pk])).content.decode()
    assert agreed.email in html
    client.post(reverse("press:sign_in_press", args=[page.pk]), {"guests": [agreed.pk]})
    assert MediaContact.objects.get().email == agreed.email

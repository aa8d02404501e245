"""Consent everywhere: quotes, media availability and meeting cards name no one without it."""

import io

from django.urls import reverse
from PIL import Image

from press import cards
from press.models import MediaAvailability, MeetingCard, Quote


def test_a_quote_needs_the_consent_box(client, delegate, chapter_page):
    client.force_login(delegate)
    url = reverse("press:quote_give", args=[chapter_page.slug])
    response = client.post(url, {"text": "We came.", "attribution": "Amara, Duluth"})
    assert response.status_code == 400
    assert "We came." in response.content.decode()  # the text is kept
    assert not Quote.objects.exists()
    assert (
        client.post(url, {"text": "We came.", "attribution": "A", "consent": "on"}).status_code
        == 302
    )
    assert Quote.objects.get().consented_at is not None


def test_a_withdrawn_quote_leaves_the_dashboard(client, delegate, leader, chapter_page):
    client.force_login(delegate)
    client.post(
        reverse("press:quote_give", args=[chapter_page.slug]),
        {"text": "Families wait years.", "attribution": "Amara", "consent": "on"},
    )
    quote = Quote.objects.get()
    client.post(reverse("press:quote_withdraw", args=[quote.pk]))
    client.force_login(leader)
    html = client.get(reverse("press:page", args=[chapter_page.pk])).content.decode()
    assert "Families wait years." not in html


def test_nobody_withdraws_someone_elses_quote(client, member, delegate, chapter_page):
    quote = Quote.objects.create(
        page=chapter_page,
        author=delegate,
        text="Mine",
        attribution="A",
        consented_at="2026-01-01T00:00Z",
    )
    client.force_login(member)
    assert client.post(reverse("press:quote_withdraw", args=[quote.pk])).status_code == 404


def test_media_availability_is_for_staff_and_leaders_never_public(
    client, delegate, leader, chapter_page
):
    client.force_login(delegate)
    client.post(
        reverse("press:available", args=[chapter_page.slug]),
        {
            "practice_area": "Asylum",
            "languages": "English, Spanish",
            "town": "Duluth",
            "consent": "on",
        },
    )
    assert MediaAvailability.objects.get().town == "Duluth"
    client.logout()
    public = client.get(reverse("press:public", args=[chapter_page.slug])).content.decode()
    assert "Duluth" not in public and "Asylum" not in public
    client.force_login(leader)
    dashboard = client.get(reverse("press:page", args=[chapter_page.pk])).content.decode()
    assert "Asylum" in dashboard and "Duluth" in dashboard
    client.force_login(delegate)
    client.post(reverse("press:available_withdraw", args=[chapter_page.slug]))
    client.force_login(leader)
    assert (
        "Asylum" not in client.get(reverse("press:page", args=[chapter_page.pk])).content.decode()
    )


def test_meeting_card_names_the_office_and_not_the_participant_unless_they_choose(
    client, delegate, meeting, senator
):
    client.force_login(delegate)
    assert client.post(reverse("press:card_make", args=[meeting.pk]), {}).status_code == 302
    card = MeetingCard.objects.get()
    text = cards.card_text(card)
    assert text.title == "I met Senator Amy Larsen's office today"
    assert "Amara" not in text.title
    client.logout()
    page = client.get(reverse("press:card", args=[card.code])).content.decode()
    assert "Amara" not in page and "Senator Amy Larsen" in page
    image = client.get(reverse("press:card_image", args=[card.code]))
    assert Image.open(io.BytesIO(image.content)).size == (1200, 630)
    client.force_login(delegate)
    client.post(reverse("press:card_make", args=[meeting.pk]), {"show_name": "on"})
    card.refresh_from_db()
    assert cards.card_text(card).title.startswith("Amara Okafor met")


def test_a_withdrawn_card_is_gone(client, delegate, meeting):
    client.force_login(delegate)
    client.post(reverse("press:card_make", args=[meeting.pk]), {})
    card = MeetingCard.objects.get()
    client.post(reverse("press:card_withdraw", args=[meeting.pk]))
    client.logout()
    assert client.get(reverse("press:card", args=[card.code])).status_code == 404
    assert client.get(reverse("press:card_image", args=[card.code])).status_code == 404


def test_only_people_going_to_a_meeting_make_its_card(client, member, meeting):
    client.force_login(member)
    assert client.get(reverse("press:card_make", args=[meeting.pk])).status_code == 403


def test_contribute_page_lists_only_the_persons_own_meetings(
    client, delegate, member, chapter_page, meeting, other_meeting
):
    client.force_login(delegate)
    html = client.get(reverse("press:contribute", args=[chapter_page.slug])).content.decode()
    assert reverse("press:card_make", args=[meeting.pk]) in html
    assert reverse("press:card_make", args=[other_meeting.pk]) not in html
    client.force_login(member)
    html = client.get(reverse("press:contribute", args=[chapter_page.slug])).content.decode()
    assert reverse("press:card_make", args=[meeting.pk]) not in html


def test_a_quote_is_never_on_the_public_page(client, delegate, chapter_page):
    Quote.objects.create(
        page=chapter_page,
        author=delegate,
        text="Our clients cannot wait.",
        attribution="Amara Okafor",
        consented_at="2026-01-01T00:00Z",
    )
    html = client.get(reverse("press:public", args=[chapter_page.slug])).content.decode()
    assert "Our clients cannot wait." not in html and "Amara" not in html


def test_the_itinerary_offers_a_share_card_of_each_meeting(client, delegate, meeting, event):
    meeting.status = "confirmed"
    meeting.save()
    client.force_login(delegate)
    html = client.get(reverse("meetings:itinerary", args=[event.slug])).content.decode()
    assert reverse("press:card_make", args=[meeting.pk]) in html

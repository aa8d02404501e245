"""The public page: what it says, its schema.org Event data, tags, calendar file and RSVP."""

import datetime
import json
import re

import icalendar
from django.urls import reverse

from coalitions.models import Guest, Rsvp
from press.models import PublicPage
from press.services import page_create
from tests.coalitions.factories import CoalitionEventFactory

# schema.org's Event and the Thing it extends: the properties our data may claim.
EVENT_PROPERTIES = {
    "@context", "@type", "name", "description", "startDate", "endDate", "eventStatus",
    "eventAttendanceMode", "location", "image", "url", "organizer", "sponsor",
}  # fmt: skip
EVENT_STATUSES = {
    "https://schema.org/EventScheduled", "https://schema.org/EventCancelled",
    "https://schema.org/EventPostponed", "https://schema.org/EventRescheduled",
    "https://schema.org/EventMovedOnline",
}  # fmt: skip
ATTENDANCE_MODES = {
    "https://schema.org/OfflineEventAttendanceMode",
    "https://schema.org/OnlineEventAttendanceMode",
    "https://schema.org/MixedEventAttendanceMode",
}


def json_ld_of(html: str) -> dict:
    (found,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found)


def meta(html: str, attribute: str, name: str) -> str:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    assert match, name
    return match.group(1)


def test_json_ld_is_a_schema_org_event_with_the_fields_it_claims(client, national_page, event):
    html = client.get(reverse("press:public", args=[national_page.slug])).content.decode()
    data = json_ld_of(html)
    assert set(data) <= EVENT_PROPERTIES
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == national_page.headline
    start = datetime.datetime.fromisoformat(data["startDate"])
    end = datetime.datetime.fromisoformat(data["endDate"])
    assert start == event.starts_at and end == event.ends_at and start.tzinfo is not None
    assert data["eventStatus"] in EVENT_STATUSES
    assert data["eventAttendanceMode"] in ATTENDANCE_MODES
    assert data["location"] == {"@type": "Place", "name": "U.S. Capitol, Washington, DC"}
    assert data["organizer"]["@type"] == "Organization"
    assert [s["name"] for s in data["sponsor"]] == ["Faith in Action", "La Raza Legal Aid"]
    assert data["image"] == [
        "http://testserver" + reverse("press:share_image", args=[national_page.slug])
    ] or data["image"][0].endswith(reverse("press:share_image", args=[national_page.slug]))
    assert data["url"].endswith(reverse("press:public", args=[national_page.slug]))


def test_json_ld_cannot_be_broken_out_of_by_a_headline(client, national_page):
    national_page.headline = "</script><script>alert(1)</script>"
    national_page.save()
    html = client.get(reverse("press:public", args=[national_page.slug])).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld_of(html)["name"] == national_page.headline


def test_open_graph_and_twitter_tags_point_at_the_share_card(client, national_page):
    html = client.get(reverse("press:public", args=[national_page.slug])).content.decode()
    image = reverse("press:share_image", args=[national_page.slug])
    assert meta(html, "property", "og:image").endswith(image)
    assert meta(html, "property", "og:image:width") == "1200"
    assert meta(html, "property", "og:image:height") == "630"
    assert meta(html, "property", "og:title") == national_page.headline
    assert meta(html, "name", "twitter:card") == "summary_large_image"
    assert meta(html, "name", "twitter:image").endswith(image)


def test_page_says_what_when_where_and_how_to_take_part(client, national_page, event):
    response = client.get(reverse("press:public", args=[national_page.slug]))
    html = response.content.decode()
    assert national_page.headline in html
    assert "U.S. Capitol" in html
    assert reverse("events:detail", args=[event.slug]) in html  # sign up for the day
    assert reverse("press:calendar", args=[national_page.slug]) in html


def test_take_part_sections_come_from_the_providers_setting(client, national_page, settings):
    settings.PRESS_TAKE_PART_PROVIDERS = ["tests.press.test_public.campaign_provider"]
    html = client.get(reverse("press:public", args=[national_page.slug])).content.decode()
    assert "Write to your senators" in html
    assert reverse("events:detail", args=[national_page.event.slug]) not in html


def campaign_provider(request, page):
    return "<p>Write to your senators</p>"


def test_calendar_file_holds_the_day_in_its_zone(client, national_page, event):
    response = client.get(reverse("press:calendar", args=[national_page.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (entry,) = calendar.walk("VEVENT")
    assert entry.decoded("dtstart") == event.starts_at
    assert entry.decoded("dtend") == event.ends_at
    assert str(entry["summary"]) == national_page.headline


def test_a_draft_page_is_not_found_by_the_public(client, national_page):
    national_page.is_published = False
    national_page.save()
    assert client.get(reverse("press:public", args=[national_page.slug])).status_code == 404
    assert client.get(reverse("press:share_image", args=[national_page.slug])).status_code == 404


def test_coalition_page_takes_rsvps_as_accepted_public_guests(client, chapter, leader):
    coalition = CoalitionEventFactory(chapter=chapter, name="Community forum on courts")
    page = page_create(by=leader, coalition_event=coalition)
    PublicPage.objects.filter(pk=page.pk).update(is_published=True)
    html = client.get(reverse("press:public", args=[page.slug])).content.decode()
    assert reverse("press:rsvp", args=[page.slug]) in html
    data = {"first_name": "Lena", "last_name": "Ortiz", "email": "lena@example.org"}
    response = client.post(reverse("press:rsvp", args=[page.slug]), data)
    assert response.status_code == 302
    guest = Guest.objects.get(event=coalition)
    assert (guest.email, guest.kind, guest.rsvp) == ("lena@example.org", "public", Rsvp.ACCEPTED)
    # The same address again: the same answer, and still one guest.
    assert client.post(reverse("press:rsvp", args=[page.slug]), data).status_code == 302
    assert Guest.objects.filter(event=coalition).count() == 1


def test_rsvp_with_a_bad_address_says_so_and_keeps_the_name(client, chapter, leader):
    coalition = CoalitionEventFactory(chapter=chapter)
    page = page_create(by=leader, coalition_event=coalition)
    PublicPage.objects.filter(pk=page.pk).update(is_published=True)
    response = client.post(
        reverse("press:rsvp", args=[page.slug]), {"first_name": "Lena", "email": "not-an-address"}
    )
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert 'value="Lena"' in response.content.decode()
    assert not Guest.objects.exists()


def test_creating_a_page_twice_returns_the_first(event, staff):
    assert page_create(by=staff, event=event) == page_create(by=staff, event=event)


def test_a_draft_day_of_action_cannot_have_a_public_page(client, leader, chapter):
    from events.models import EventStatus
    from tests.factories import EventFactory

    draft = EventFactory(status=EventStatus.DRAFT)
    page = page_create(by=leader, event=draft, chapter=chapter)
    client.force_login(leader)
    response = client.post(
        reverse("press:page_publish", args=[page.pk]), {"published": "1"}, follow=True
    )
    assert "is still a draft" in response.content.decode()
    page.refresh_from_db()
    assert not page.is_published


def test_coalition_event_page_places_the_event_at_its_venue(client, chapter, leader):
    coalition = CoalitionEventFactory(chapter=chapter, name="Forum on fair courts")
    page = page_create(by=leader, coalition_event=coalition)
    PublicPage.objects.filter(pk=page.pk).update(is_published=True)
    html = client.get(reverse("press:public", args=[page.slug])).content.decode()
    data = json_ld_of(html)
    assert data["location"] == {
        "@type": "Place",
        "name": "Central Library, Pohlad Hall",
        "address": "300 Nicollet Mall, Minneapolis, MN 55401",
    }
    assert datetime.datetime.fromisoformat(data["startDate"]) == coalition.starts_at
    assert client.get(reverse("press:share_image", args=[page.slug])).status_code == 200


def test_a_state_day_meets_at_its_capitol(client, staff):
    from events.models import Level
    from tests.factories import EventFactory

    state_day = EventFactory(level=Level.STATE, state="MN", name="Minnesota Lobby Day")
    page = page_create(by=staff, event=state_day)
    PublicPage.objects.filter(pk=page.pk).update(is_published=True)
    html = client.get(reverse("press:public", args=[page.slug])).content.decode()
    assert json_ld_of(html)["location"]["name"] == "Minnesota State Capitol"


def test_a_coalition_pages_partners_start_as_the_events_co_hosts(chapter, leader):
    from tests.coalitions.factories import PartnerFactory

    coalition = CoalitionEventFactory(chapter=chapter)
    coalition.hosts.set(
        [PartnerFactory(name="Twin Cities Legal Aid"), PartnerFactory(name="Amigos")]
    )
    page = page_create(by=leader, coalition_event=coalition)
    assert page.partners == "Amigos\nTwin Cities Legal Aid"


def test_rsvps_from_one_address_are_limited_and_the_over_limit_one_writes_nothing(
    client, chapter, leader, monkeypatch
):
    from django.core.cache import cache

    from press import public_views

    cache.clear()
    monkeypatch.setattr(public_views, "RSVPS_PER_WINDOW", 2)
    coalition = CoalitionEventFactory(chapter=chapter)
    page = page_create(by=leader, coalition_event=coalition)
    PublicPage.objects.filter(pk=page.pk).update(is_published=True)
    answers = [
        client.post(
            reverse("press:rsvp", args=[page.slug]),
            {"first_name": "Guest", "last_name": str(n), "email": f"guest{n}@example.org"},
        )
        for n in range(3)
    ]

    assert [answer.status_code for answer in answers] == [302, 302, 429]
    assert "Too many answers from here" in answers[2].content.decode()
    assert Guest.objects.filter(event=coalition).count() == 2

"""Coalition events keep their own time zone, and RSVP links close when the day is over."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from coalitions import access, guests
from coalitions.models import CoalitionEvent, Rsvp
from outbox.models import Email
from tests.coalitions.factories import CoalitionEventFactory, GuestFactory

CHICAGO = zoneinfo.ZoneInfo("America/Chicago")
# 6:30 PM in Minneapolis is 7:30 PM in the site's zone (New York).
STARTS = datetime.datetime(2027, 3, 4, 18, 30, tzinfo=CHICAGO)


@pytest.fixture
def forum(chapter):
    return CoalitionEventFactory(
        chapter=chapter, name="Minneapolis forum", starts_at=STARTS, time_zone="America/Chicago"
    )


def test_event_times_show_in_the_event_zone_on_every_page(client, leader, forum):
    guest = GuestFactory(event=forum, email="rosa@example.org")
    client.force_login(leader)
    pages = [
        reverse("coalitions:event", args=[forum.pk]),
        reverse("coalitions:sign_in_sheet", args=[forum.pk, "guests"]),
        reverse("coalitions:chapter", args=[forum.chapter.slug]),
        reverse("coalitions:rsvp", args=[access.rsvp_token(guest)]),
    ]
    for url in pages:
        page = client.get(url).content.decode()
        assert "6:30 PM CST" in page, url
        assert "7:30 PM" not in page, url


def test_invitation_email_says_the_time_where_the_event_is(forum):
    guest = GuestFactory(event=forum, email="rosa@example.org")
    assert guests.invitation_values(guest)["date"] == "Thursday, March 4, 2027, 6:30 PM CST"


def test_event_form_reads_the_start_in_the_chosen_zone(client, leader, chapter):
    client.force_login(leader)
    response = client.post(
        reverse("coalitions:event_create", args=[chapter.slug]),
        {
            "name": "Saint Paul forum",
            "starts_at": "2027-03-04T18:30",
            "time_zone": "America/Chicago",
            "venue": "Library",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    event = CoalitionEvent.objects.get(name="Saint Paul forum")
    assert event.starts_at == STARTS
    edit = client.get(reverse("coalitions:event_edit", args=[event.pk])).content.decode()
    assert 'value="2027-03-04T18:30"' in edit


def test_rsvp_link_works_until_the_end_of_the_event_day_where_it_is(client, forum):
    guest = GuestFactory(event=forum)
    url = reverse("coalitions:rsvp", args=[access.rsvp_token(guest)])
    last_minute = datetime.datetime(2027, 3, 4, 23, 59, tzinfo=CHICAGO)
    with time_machine.travel(last_minute, tick=False):
        assert client.post(url, {"answer": "accept"}).status_code == 302
    guest.refresh_from_db()
    assert guest.rsvp == Rsvp.ACCEPTED
    with time_machine.travel(last_minute + datetime.timedelta(minutes=1), tick=False):
        closed = client.get(url)
        answered = client.post(url, {"answer": "decline"})
    assert (closed.status_code, answered.status_code) == (410, 410)
    assert "Replies to Minneapolis forum are closed" in closed.content.decode()
    assert "You told us you would come" in closed.content.decode()
    guest.refresh_from_db()
    assert guest.rsvp == Rsvp.ACCEPTED


def test_a_tampered_rsvp_link_is_still_not_found_after_the_day(client, forum):
    guest = GuestFactory(event=forum)
    token = access.rsvp_token(guest)[:-2] + "xx"
    with time_machine.travel(STARTS + datetime.timedelta(days=2), tick=False):
        assert client.get(reverse("coalitions:rsvp", args=[token])).status_code == 404
    assert Email.objects.count() == 0

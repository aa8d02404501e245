"""Calendar feeds and downloads, parsed back with icalendar."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from lawmakers.models import Building
from meetings.calendar import feed_for
from meetings.models import CalendarFeed, MeetingStatus, Seat, SeatStatus
from meetings.services import meeting_set_status, meeting_update
from tests.factories import EventFactory, MembershipFactory, UserFactory
from tests.meetings.factories import LawmakerFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    return EventFactory(name="National Day of Action", slug="ndoa")


@pytest.fixture
def meeting(event, chapter, leader):
    lawmaker = LawmakerFactory(
        first_name="Ann", last_name="Lind", full_name="Ann Lind", office_building=Building.HART
    )
    starts = datetime.datetime.combine(event.date, datetime.time(10, 0), tzinfo=event.zone)
    lead = UserFactory(first_name="Lena", last_name="Okafor")
    return MeetingFactory(
        event=event,
        chapter=chapter,
        lawmaker=lawmaker,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=30),
        building=Building.HART,
        room="SH-309",
        lead=lead,
    )


@pytest.fixture
def seated(member, chapter, meeting):
    colleague = MembershipFactory(chapter=chapter).user
    colleague.first_name, colleague.last_name = "Pablo", "Reyes"
    colleague.save()
    Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)
    Seat.objects.create(meeting=meeting, user=colleague, status=SeatStatus.CONFIRMED)
    return member


def feed_url(user):
    return reverse("meetings:calendar_feed", args=[feed_for(user=user).token])


def events_in(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_feed_lists_the_confirmed_meeting(client, seated, meeting):
    (vevent,) = events_in(client.get(feed_url(seated)))

    assert str(vevent["uid"]) == f"meeting-{meeting.pk}@127.0.0.1"
    assert vevent.decoded("dtstart") == meeting.starts_at
    assert vevent.decoded("dtend") == meeting.ends_at
    assert vevent["dtstart"].params["TZID"] == "America/New_York"
    assert vevent.decoded("dtstart").hour == 10
    assert str(vevent["summary"]) == "Meeting with Senator Ann Lind"
    assert str(vevent["location"]) == "SH-309, Hart Senate Office Building"
    assert str(vevent["status"]) == "TENTATIVE"
    assert str(vevent["url"]) == "http://testserver/events/ndoa/itinerary/"
    description = str(vevent["description"])
    assert "Senator Ann Lind (MN Senate, Democrat)" in description
    assert "Lead: Lena Okafor" in description
    assert "Colleagues: Pablo Reyes" in description
    assert vevent.decoded("last-modified") == meeting.updated_at.replace(microsecond=0)


def test_feed_confirmed_once_the_office_agrees(client, seated, meeting, leader):
    meeting_set_status(meeting=meeting, status=MeetingStatus.SCHEDULED, by=leader)

    (vevent,) = events_in(client.get(feed_url(seated)))

    assert str(vevent["status"]) == "CONFIRMED"


def test_feed_follows_a_moved_meeting_under_the_same_uid(client, seated, meeting, leader):
    (before,) = events_in(client.get(feed_url(seated)))
    later = meeting.starts_at + datetime.timedelta(hours=2)

    meeting_update(
        meeting=meeting,
        by=leader,
        starts_at=later,
        ends_at=later + datetime.timedelta(minutes=30),
        room="SH-520",
    )

    (after,) = events_in(client.get(feed_url(seated)))
    assert after["uid"] == before["uid"]
    assert after.decoded("dtstart") == later
    assert after.decoded("dtstart").hour == 12
    assert str(after["location"]) == "SH-520, Hart Senate Office Building"
    assert (before["sequence"], after["sequence"]) == (0, 1)
    assert after.decoded("last-modified") >= before.decoded("last-modified")


def test_feed_shows_a_cancelled_meeting_as_cancelled(client, seated, meeting, leader):
    meeting_set_status(meeting=meeting, status=MeetingStatus.CANCELLED, by=leader)

    (vevent,) = events_in(client.get(feed_url(seated)))

    assert str(vevent["status"]) == "CANCELLED"
    assert vevent["sequence"] == 1
    assert str(vevent["description"]).startswith("This meeting is cancelled.")


def test_feed_leaves_out_waitlisted_and_given_up_seats(client, member, event, chapter):
    waiting = MeetingFactory(event=event, chapter=chapter)
    given_up = MeetingFactory(event=event, chapter=chapter)
    Seat.objects.create(meeting=waiting, user=member, status=SeatStatus.WAITLISTED)
    Seat.objects.create(meeting=given_up, user=member, status=SeatStatus.CANCELLED)

    assert events_in(client.get(feed_url(member))) == []


def test_feed_holds_only_the_owners_meetings(client, seated, leader):
    assert len(events_in(client.get(feed_url(seated)))) == 1
    assert events_in(client.get(feed_url(leader))) == []


def test_feed_with_a_wrong_token_is_404(client, seated):
    feed_for(user=seated)

    assert client.get("/calendar/not-the-token.ics").status_code == 404


def test_feed_of_an_inactive_account_is_404(client, seated):
    url = feed_url(seated)
    seated.is_active = False
    seated.save()

    assert client.get(url).status_code == 404


def test_feed_is_not_cached_by_others(client, seated):
    response = client.get(feed_url(seated))

    assert response["Cache-Control"] == "private, no-store"


def test_feed_query_count_is_constant(client, member, event, chapter, django_assert_num_queries):
    for hour in (8, 10, 12, 14):
        meeting = MeetingFactory(
            event=event,
            chapter=chapter,
            lead=UserFactory(),
            starts_at=datetime.datetime.combine(event.date, datetime.time(hour), event.zone),
            ends_at=datetime.datetime.combine(event.date, datetime.time(hour, 20), event.zone),
        )
        Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)
        Seat.objects.create(meeting=meeting, user=UserFactory(), status=SeatStatus.CONFIRMED)
    url = feed_url(member)

    # the feed with its owner, the seats, their meetings, the people in them
    with django_assert_num_queries(6):  # + marking the calendar added, + the programme items
        assert len(events_in(client.get(url))) == 4


# Revoking -----------------------------------------------------------------------------------


def test_revoke_makes_a_new_token_and_the_old_address_404s(client, seated):
    old_url = feed_url(seated)
    client.force_login(seated)

    response = client.post(
        reverse("meetings:calendar_revoke"), {"next": "/events/ndoa/itinerary/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/events/ndoa/itinerary/"
    assert client.get(old_url).status_code == 404
    new_url = feed_url(seated)
    assert new_url != old_url
    assert len(events_in(client.get(new_url))) == 1


def test_revoke_without_a_feed_yet_makes_one(client, member):
    client.force_login(member)

    client.post(reverse("meetings:calendar_revoke"))

    assert CalendarFeed.objects.filter(user=member).count() == 1


def test_revoke_refuses_strangers_next_addresses(client, member):
    client.force_login(member)

    response = client.post(reverse("meetings:calendar_revoke"), {"next": "https://evil.example"})

    assert response["Location"] == reverse("home")


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member", 302), ("leader", 302), ("other_leader", 302), ("staff", 302)],
)
def test_revoke_permissions(client, roles, role, status):
    user = roles[role]
    before = feed_for(user=user).token if user else None
    if user:
        client.force_login(user)

    response = client.post(reverse("meetings:calendar_revoke"))

    assert response.status_code == status
    if user:
        assert CalendarFeed.objects.get(user=user).token != before
    else:
        assert response["Location"].startswith(reverse("account_login"))


def test_revoke_refuses_get(client, member):
    client.force_login(member)

    assert client.get(reverse("meetings:calendar_revoke")).status_code == 405


def test_revoke_changes_only_ones_own_token(client, member, leader):
    leaders_token = feed_for(user=leader).token
    client.force_login(member)

    client.post(reverse("meetings:calendar_revoke"))

    assert CalendarFeed.objects.get(user=leader).token == leaders_token


# Download ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status", "count"),
    [
        ("anonymous", 302, None),
        ("member", 200, 1),
        ("leader", 200, 0),
        ("other_leader", 200, 0),
        ("staff", 200, 0),
    ],
)
def test_download_permissions(client, roles, seated, role, status, count):
    if roles[role]:
        client.force_login(roles[role])

    response = client.get(reverse("meetings:calendar_download"))

    assert response.status_code == status
    if count is not None:
        assert len(events_in(response)) == count
        assert response["Content-Disposition"] == 'attachment; filename="my-meetings.ics"'


def test_download_is_the_same_calendar_as_the_feed(client, seated):
    client.force_login(seated)

    downloaded = events_in(client.get(reverse("meetings:calendar_download")))
    subscribed = events_in(client.get(feed_url(seated)))

    assert [e["uid"] for e in downloaded] == [e["uid"] for e in subscribed]
    assert [e.decoded("dtstart") for e in downloaded] == [e.decoded("dtstart") for e in subscribed]

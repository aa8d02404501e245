"""A member's itinerary page: their day in time order, readable on a phone, printable."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from lawmakers.models import Building, Chamber
from meetings.calendar import feed_for
from meetings.models import MeetingStatus, Seat, SeatStatus
from tests.factories import EventFactory, MembershipFactory, UserFactory
from tests.meetings.factories import LawmakerFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    # Minnesota's state capitol: the times must come out in Central time.
    return EventFactory(
        name="Capitol Day", slug="capitol-day", time_zone="America/Chicago", briefing_venue=""
    )


def meeting_at(event, chapter, hour, minute=0, *, minutes=20, **fields):
    starts = datetime.datetime.combine(event.date, datetime.time(hour, minute), tzinfo=event.zone)
    return MeetingFactory(
        event=event,
        chapter=chapter,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=minutes),
        **fields,
    )


def seat(meeting, user, status=SeatStatus.CONFIRMED):
    return Seat.objects.create(meeting=meeting, user=user, status=status)


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def day(event, chapter, member):
    """Two meetings: Hart at 9:00, then Rayburn at 9:30, a walk shorter than the rule."""
    lead = UserFactory(first_name="Lena", last_name="Okafor")
    colleague = MembershipFactory(chapter=chapter).user
    colleague.first_name, colleague.last_name = "Pablo", "Reyes"
    colleague.save()
    senate = meeting_at(
        event,
        chapter,
        9,
        lawmaker=LawmakerFactory(full_name="Ann Lind", office_building=Building.HART),
        building=Building.HART,
        room="SH-309",
        lead=lead,
        location_note="Ask at the front desk",
    )
    house = meeting_at(
        event,
        chapter,
        9,
        30,
        lawmaker=LawmakerFactory(full_name="Bo Kerr", chamber=Chamber.LOWER),
        building=Building.RAYBURN,
        room="2123",
    )
    seat(senate, member)
    seat(senate, colleague)
    seat(house, member)
    return senate, house


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member", 200), ("leader", 200), ("other_leader", 200), ("staff", 200)],
)
def test_itinerary_permissions(client, roles, event, role, status):
    response = client_for(client, roles[role]).get(
        reverse("meetings:itinerary", args=["capitol-day"])
    )

    assert response.status_code == status


@pytest.mark.parametrize(("role", "sees_meetings"), [("member", True), ("leader", False)])
def test_itinerary_shows_only_the_viewers_own_day(client, roles, day, role, sees_meetings):
    response = client_for(client, roles[role]).get(
        reverse("meetings:itinerary", args=["capitol-day"])
    )

    assert ("Ann Lind" in response.content.decode()) is sees_meetings
    assert len(response.context["stops"]) == (2 if sees_meetings else 0)


def test_itinerary_of_a_draft_event_is_forbidden_to_members(client, member):
    EventFactory(slug="draft-day", status="draft")

    assert client_for(client, member).get("/events/draft-day/itinerary/").status_code == 403


def test_itinerary_lists_the_day_in_time_order_in_the_events_zone(client, member, day):
    response = client_for(client, member).get(reverse("meetings:itinerary", args=["capitol-day"]))

    page = response.content.decode()
    assert [stop.meeting.lawmaker.full_name for stop in response.context["stops"]] == [
        "Ann Lind",
        "Bo Kerr",
    ]
    assert page.index("Ann Lind") < page.index("Bo Kerr")
    assert "<strong>9:00 AM</strong>" in page
    assert "<strong>9:30 AM</strong>" in page
    assert "times in CST" in page or "times in CDT" in page
    assert "SH-309, Hart Senate Office Building" in page
    assert "2123, Rayburn House Office Building" in page
    assert "Ask at the front desk" in page
    assert "Lena Okafor" in page
    assert "Pablo Reyes" in page


def test_itinerary_flags_a_walk_shorter_than_the_rule(client, member, day):
    response = client_for(client, member).get(reverse("meetings:itinerary", args=["capitol-day"]))

    page = response.content.decode()
    walk = response.context["stops"][1]
    assert (walk.walk_minutes, walk.walk_needed, walk.walk_is_short) == (10, 20, True)
    assert "walk walk--short" in page
    assert "Only 10 minutes to get there" in page
    assert "the event allows 20 between these rooms" in page


def test_itinerary_shows_an_easy_walk_plainly(client, event, chapter, member):
    first = meeting_at(event, chapter, 9, building=Building.HART, room="SH-1")
    second = meeting_at(event, chapter, 10, building=Building.HART, room="SH-2")
    seat(first, member)
    seat(second, member)

    page = client_for(client, member).get("/events/capitol-day/itinerary/").content.decode()

    assert "walk--short" not in page
    assert "40 minutes to get there" in page


def test_itinerary_marks_waitlisted_and_cancelled_meetings(client, event, chapter, member):
    waiting = meeting_at(event, chapter, 9, lawmaker=LawmakerFactory(full_name="Wait Lee"))
    called_off = meeting_at(
        event,
        chapter,
        11,
        lawmaker=LawmakerFactory(full_name="Can Celled"),
        status=MeetingStatus.CANCELLED,
    )
    seat(waiting, member, SeatStatus.WAITLISTED)
    seat(called_off, member)

    page = client_for(client, member).get("/events/capitol-day/itinerary/").content.decode()

    assert "stop--waitlisted" in page
    assert "On the waitlist" in page
    assert "Leave the waitlist" in page
    assert "stop--cancelled" in page
    assert ">Cancelled</span>" in page


def test_itinerary_has_the_calendar_links(client, member, event):
    feed = feed_for(user=member)

    page = client_for(client, member).get("/events/capitol-day/itinerary/").content.decode()

    assert f"webcal://testserver/calendar/{feed.token}.ics" in page
    assert f"http://testserver/calendar/{feed.token}.ics" in page
    assert reverse("meetings:calendar_download") in page
    assert reverse("meetings:calendar_revoke") in page


def test_itinerary_empty_day_points_to_the_sign_up_list(client, member, event):
    page = client_for(client, member).get("/events/capitol-day/itinerary/").content.decode()

    assert "You have no meetings in this Day of Action yet." in page
    assert reverse("meetings:open", args=["capitol-day"]) in page


@pytest.mark.parametrize("count", [1, 6])
def test_itinerary_query_count_is_constant(
    client, event, chapter, member, django_assert_num_queries, count
):
    for number in range(count):
        meeting = meeting_at(event, chapter, 8 + number, lead=UserFactory())
        seat(meeting, member)
        seat(meeting, UserFactory())
    feed_for(user=member)
    client_for(client, member)

    # session, user, event, the member's seats, their meetings, the people in them,
    # the calendar feed, and the navigation's "leads a chapter?"
    with django_assert_num_queries(
        10
    ):  # + the itinerary panels (the mentor), + the programme items
        response = client.get(reverse("meetings:itinerary", args=["capitol-day"]))

    assert len(response.context["stops"]) == count


def test_itinerary_print_view_renders(client, member, day):
    response = client_for(client, member).get(reverse("meetings:itinerary", args=["capitol-day"]))

    page = response.content.decode()
    assert 'href="/static/css/print.css" media="print"' in page
    assert 'href="/static/css/meetings.css"' in page
    assert "data-print" in page
    stylesheet = (Path(settings.BASE_DIR) / "static/css/meetings.css").read_text()
    print_rules = stylesheet.split("@media print", 1)[1]
    assert ".calendar-card" in print_rules
    assert ".stop .actions" in print_rules


def test_no_walk_is_counted_to_or_from_a_cancelled_meeting(client, event, chapter, member):
    first = meeting_at(event, chapter, 9, building=Building.HART, room="SH-1")
    cancelled = meeting_at(
        event, chapter, 9, 10, building=Building.RAYBURN, status=MeetingStatus.CANCELLED
    )
    third = meeting_at(event, chapter, 10, building=Building.HART, room="SH-2")
    for meeting in (first, cancelled, third):
        seat(meeting, member)

    response = client_for(client, member).get("/events/capitol-day/itinerary/")

    walks = [(s.walk_minutes, s.walk_needed) for s in response.context["stops"]]
    assert walks[1] == (None, None)
    assert walks[2][0] == 40
    assert "walk--short" not in response.content.decode()

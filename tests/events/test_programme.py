import datetime
import importlib

import icalendar
import pytest
from django.apps import apps
from django.urls import reverse

from events.models import ProgrammeItem
from meetings.calendar import calendar_for, calendar_seats
from meetings.models import Seat, SeatStatus
from planner.programme import event_programme
from tests.permissions import LOGIN, assert_status, matrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def lunch(event):
    return event.programme_items.create(
        title="Lunch briefing",
        starts=datetime.time(12),
        ends=datetime.time(13),
        place="Hart 216",
    )


def test_programme_items_are_in_the_calendar_feed(meeting, member, lunch):
    Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)

    calendar = icalendar.Calendar.from_ical(
        calendar_for(user=member, seats=calendar_seats(user=member))
    )

    entries = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    item = entries["Lunch briefing (National Day of Action)"]
    assert item.decoded("dtstart") == lunch.starts_at
    assert str(item["location"]) == "Hart 216"


def test_the_planner_keeps_free_only_items_everyone_attends(event, lunch):
    event.programme_items.create(
        title="Press call", starts=datetime.time(15), ends=datetime.time(16), everyone=False
    )
    assert [item.label for item in event_programme(event)] == ["Lunch briefing"]


def test_the_old_agenda_becomes_items_by_the_same_parser(event):
    event.agenda = "8:00 Breakfast\n12:00-13:00 Lunch briefing\n4:30-5:30 pm Debrief"
    event.save()
    migration = importlib.import_module("events.migrations.0008_agenda_into_programme_items")

    migration.agenda_into_items(apps, None)

    items = [(i.title, i.starts, i.ends) for i in ProgrammeItem.objects.filter(event=event)]
    assert items == [
        ("Lunch briefing", datetime.time(12), datetime.time(13)),
        ("Debrief", datetime.time(16, 30), datetime.time(17, 30)),
    ]


def test_the_itinerary_and_the_event_page_show_the_programme(client, event, member, lunch):
    event.registrations.create(user=member)
    client.force_login(member)
    for url in (
        reverse("meetings:itinerary", args=[event.slug]),
        reverse("events:detail", args=[event.slug]),
        reverse("talkingpoints:packet", args=[event.slug]),
    ):
        assert "Lunch briefing" in client.get(url).content.decode(), url


def test_an_item_ending_before_it_starts_is_refused_and_kept(client, staff, event):
    client.force_login(staff)
    response = client.post(
        reverse("events:programme", args=[event.slug]),
        {
            "programme_items-TOTAL_FORMS": "1",
            "programme_items-INITIAL_FORMS": "0",
            "programme_items-0-title": "Reception",
            "programme_items-0-starts": "18:00",
            "programme_items-0-ends": "17:00",
            "programme_items-0-everyone": "on",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "ends before it starts" in page and "Reception" in page
    assert not ProgrammeItem.objects.exists()


@pytest.mark.parametrize(
    "view, role, expected",
    matrix({"programme": (LOGIN, 403, 403, 403, 200)}),
)
def test_programme_page_permission_matrix(client_as, event, view, role, expected):
    assert_status(client_as(role).get(reverse("events:programme", args=[event.slug])), expected)


def test_a_meeting_over_an_item_everyone_attends_is_warned(meeting, lunch):
    from meetings.services import office_conflicts
    from tests.factories import at

    meeting.starts_at = at(meeting.event, 12, 10)
    meeting.ends_at = at(meeting.event, 12, 30)

    errors, warnings = office_conflicts(meeting=meeting)

    assert errors == []
    assert any("overlaps Lunch briefing" in warning for warning in warnings)

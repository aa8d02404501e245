"""A state legislature's Day of Action: meetings are placed, walked and listed as for Congress."""

import pytest
from django.urls import reverse

from events.models import Level
from lawmakers.models import Building, Chamber
from lawmakers.models import Level as LawmakerLevel
from meetings.models import Meeting
from tests.factories import EventFactory
from tests.meetings.factories import LawmakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tn_event(db):
    return EventFactory(
        name="Day on the Hill",
        slug="day-on-the-hill",
        level=Level.STATE,
        state="TN",
        time_zone="America/Chicago",
    )


def state_legislator(state="TN", **fields):
    defaults = {
        "level": LawmakerLevel.STATE,
        "state": state,
        "chamber": Chamber.LOWER,
        "district": "52",
        "office_building": Building.TN_CORDELL_HULL,
        "office_room": "574",
        "capitol_side": "",
        "party": "Democratic",
    }
    return LawmakerFactory(**{**defaults, **fields})


def meeting_form(office, **changes):
    return {
        "lawmaker": office.pk,
        "start_time": "09:30",
        "minutes": "20",
        "kind": "staff",
        "building": "",
        "room": "",
        "seats": "4",
        "reserved_for_constituents": "0",
        "reserved_for_first_timers": "0",
        **changes,
    }


def test_state_meeting_takes_its_place_from_the_capitol_office(client_as, other_chapter, tn_event):
    office = state_legislator()
    url = reverse("meetings:meeting_create", args=[tn_event.slug, other_chapter.slug])

    response = client_as("other_leader").post(url, meeting_form(office))

    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.building, meeting.room) == (Building.TN_CORDELL_HULL, "574")
    assert meeting.place == "574, Cordell Hull Building"


def test_state_meeting_form_offers_the_state_capitol_buildings(client_as, other_chapter, tn_event):
    state_legislator()
    url = reverse("meetings:meeting_create", args=[tn_event.slug, other_chapter.slug])

    page = client_as("other_leader").get(url).content.decode()

    assert 'value="tn-capitol"' in page
    assert 'value="tn-cordell-hull"' in page
    assert 'value="hart"' not in page


def test_state_meeting_in_another_capitol_building_is_kept(client_as, other_chapter, tn_event):
    office = state_legislator()
    url = reverse("meetings:meeting_create", args=[tn_event.slug, other_chapter.slug])

    client_as("other_leader").post(url, meeting_form(office, building="tn-capitol", room="G-11"))

    assert Meeting.objects.values_list("building", "room").get() == ("tn-capitol", "G-11")

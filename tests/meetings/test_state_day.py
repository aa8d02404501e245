"""A state legislature's Day of Action: meetings are placed, walked and listed as for Congress."""

import pytest
from django.urls import reverse

from events.models import Level
from lawmakers.models import Building, Chamber
from lawmakers.models import Level as LawmakerLevel
from meetings.board import board_for
from meetings.models import Meeting
from tests.factories import EventFactory, MembershipFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory, RegistrationFactory

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


@pytest.fixture
def mn_event(db):
    return EventFactory(
        name="Capitol Day", slug="capitol-day", level=Level.STATE, state="MN",
        time_zone="America/Chicago",
    )  # fmt: skip


def registered_constituent(event, chapter, *, upper="", lower=""):
    person = MembershipFactory(chapter=chapter).user
    profile = person.profile
    profile.state, profile.zip_code = "MN", "55101"
    profile.state_upper_district, profile.state_lower_district = upper, lower
    profile.save()
    RegistrationFactory(event=event, user=person)
    return person


def test_state_board_lists_the_legislators_our_members_live_in(mn_event, chapter):
    senator = state_legislator("MN", chamber=Chamber.UPPER, district="64", office_building="")
    house = state_legislator("MN", district="64A", office_building=Building.MN_CENTENNIAL)
    state_legislator("MN", district="64B")  # nobody of ours lives there
    LawmakerFactory(state="MN")  # a U.S. senator: not on a state day's list
    person = registered_constituent(mn_event, chapter, upper="64", lower="64A")

    board = board_for(event=mn_event, chapter=chapter)

    assert sorted(o.lawmaker.district for o in board.uncovered) == ["64", "64A"]
    assert {o.lawmaker for o in board.uncovered} == {senator, house}
    assert board.uncovered[0].constituents == [person]


def test_national_board_leaves_out_state_legislators(chapter):
    # Before, a member's chosen state districts put state legislators on Congress's list.
    event = EventFactory()
    us_senator = LawmakerFactory(state="MN")
    state_legislator("MN", district="64A")
    registered_constituent(event, chapter, lower="64A")

    board = board_for(event=event, chapter=chapter)

    assert [office.lawmaker for office in board.uncovered] == [us_senator]


def test_state_board_page_shows_the_offices_to_cover(client_as, mn_event, chapter):
    state_legislator("MN", full_name="Kari Dahl", district="64A", office_room="Fifth floor",
                     office_building=Building.MN_CENTENNIAL)  # fmt: skip
    registered_constituent(mn_event, chapter, lower="64A")

    page = (
        client_as("leader")
        .get(reverse("meetings:board", args=[mn_event.slug, chapter.slug]))
        .content.decode()
    )

    assert "Kari Dahl" in page
    assert "Fifth floor Centennial Office Building" in page
    assert "choose the legislators when you schedule" not in page


@pytest.mark.parametrize("rows", [1, 30])
def test_state_board_queries_do_not_grow(
    client_as, mn_event, chapter, rows, django_assert_num_queries
):
    for n in range(rows):
        lawmaker = state_legislator(
            "MN", district=f"{n + 1}A", office_building=Building.MN_CENTENNIAL
        )
        MeetingFactory(event=mn_event, chapter=chapter, lawmaker=lawmaker,
                       starts_at=at(mn_event, 8 + n % 9, n % 4 * 15))  # fmt: skip
        state_legislator("MN", district=f"{n + 1}B")
        registered_constituent(mn_event, chapter, lower=f"{n + 1}B")
    client = client_as("leader")
    # The national board's thirteen (test_leader_board), and the ZIP table: these members
    # gave a ZIP code.
    with django_assert_num_queries(16):
        response = client.get(reverse("meetings:board", args=[mn_event.slug, chapter.slug]))
    assert len(response.context["board"].uncovered) == rows

"""The walking rules read the campus of the event: the U.S. Capitol or a state capitol."""

import datetime

import pytest

from events.models import Level as EventLevel
from lawmakers import capitol
from lawmakers.campuses import campus_walking_update, seed_campuses, walking_rules
from lawmakers.models import Building, Campus, CampusBuilding, Level, WalkingTime
from meetings import rules
from meetings.rules import Slot, clash, required_gap_minutes, walking_group
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def campuses(db):
    # The data migration seeds them, but a transactional test elsewhere may have
    # flushed the tables since: seed again (it adds only what is missing).
    seed_campuses()


def at(event, hour, minute, building, room=""):
    starts = datetime.datetime.combine(event.date, datetime.time(hour, minute), tzinfo=event.zone)
    return Slot(starts, starts + datetime.timedelta(minutes=20), building, room, "An office")


@pytest.fixture
def national(db):
    return EventFactory(
        gap_same_building_minutes=5, gap_same_side_minutes=10, gap_across_sides_minutes=30
    )


def state_event(state, **gaps):
    gaps = {
        "gap_same_building_minutes": 5,
        "gap_same_side_minutes": 10,
        "gap_across_sides_minutes": 30,
        **gaps,
    }
    return EventFactory(level=EventLevel.STATE, state=state, time_zone="America/Chicago", **gaps)


def gap(event, first, second, first_room="", second_room=""):
    return required_gap_minutes(
        event, at(event, 9, 0, first, first_room), at(event, 10, 0, second, second_room)
    )


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (Building.HART, Building.HART, 5),
        (Building.HART, Building.RUSSELL, 10),
        (Building.RAYBURN, Building.CANNON, 10),
        (Building.HART, Building.RAYBURN, 30),
        (Building.HART, "", 30),
        ("", "", 30),
        # A state building on a national day: not on this campus, the longest walk.
        (Building.HART, Building.MN_CAPITOL, 30),
    ],
)
def test_national_gaps_follow_the_capitol_sides(national, first, second, expected):
    assert gap(national, first, second) == expected


def test_capitol_rooms_go_by_their_wing(national):
    assert gap(national, Building.CAPITOL, Building.HART, "S-211") == 10
    assert gap(national, Building.CAPITOL, Building.HART, "H-307") == 30
    assert gap(national, Building.CAPITOL, Building.RAYBURN, "HVC-200") == 10
    assert walking_group(national, Building.CAPITOL, "SVC-212") == "Senate side"


def test_capitol_side_has_one_implementation():
    assert rules.capitol_side is capitol.capitol_side
    assert capitol.capitol_side(Building.CAPITOL, "S-211") == "senate"
    assert capitol.capitol_side(Building.CAPITOL, "") == ""
    assert capitol.capitol_side(Building.FORD) == "house"
    assert capitol.capitol_side(Building.MN_CAPITOL) == ""


def test_state_day_walks_use_the_state_capitol_minutes():
    event = state_event("MN")

    assert gap(event, Building.MN_CAPITOL, Building.MN_SENATE) == 7
    assert gap(event, Building.MN_SENATE, Building.MN_CENTENNIAL) == 12
    assert gap(event, Building.MN_CENTENNIAL, Building.MN_CENTENNIAL) == 5
    # A U.S. Senate building is not on Minnesota's campus.
    assert gap(event, Building.MN_CAPITOL, Building.HART) == 30


def test_state_day_groups_give_the_event_gaps_where_no_pair_is_set():
    event = state_event("CA", gap_across_sides_minutes=25)
    annex = CampusBuilding.objects.get(code=Building.CA_O_STREET)
    WalkingTime.objects.filter(from_building=annex).update(minutes=None)
    WalkingTime.objects.filter(to_building=annex).update(minutes=None)

    # 1021 O Street and the Capitol are in different groups: the across gap.
    assert gap(event, Building.CA_CAPITOL, Building.CA_O_STREET) == 25
    # The Capitol and the Annex share a group, and their pair keeps its minutes.
    assert gap(event, Building.CA_CAPITOL, Building.CA_CAPITOL_ANNEX) == 5


def test_pair_minutes_are_never_below_the_same_building_gap():
    campus = Campus.objects.get(level=Level.STATE, state="TN")
    campus_walking_update(
        campus=campus, groups={}, minutes={(Building.TN_CORDELL_HULL, Building.TN_CAPITOL): 2}
    )
    event = state_event("TN", gap_same_building_minutes=6)

    assert gap(event, Building.TN_CAPITOL, Building.TN_CORDELL_HULL) == 6


def test_staff_edit_changes_the_walk_the_clash_check_needs():
    campus = Campus.objects.get(level=Level.STATE, state="TN")
    campus_walking_update(
        campus=campus, groups={}, minutes={(Building.TN_CAPITOL, Building.TN_CORDELL_HULL): 25}
    )
    event = state_event("TN")
    first = at(event, 9, 0, Building.TN_CORDELL_HULL, "732")
    second = at(event, 9, 40, Building.TN_CAPITOL, "G-1")

    assert clash(event, second, first) == (
        "it leaves 20 minutes to walk to or from your meeting with An office at 9:00 AM, "
        "and the event allows 25 minutes between these rooms"
    )


def test_group_edit_makes_a_walk_across_groups():
    campus = Campus.objects.get(level=Level.FEDERAL)
    campus_walking_update(campus=campus, groups={Building.FORD: "Ford annex"}, minutes={})
    event = EventFactory(gap_same_side_minutes=10, gap_across_sides_minutes=30)

    assert gap(event, Building.FORD, Building.RAYBURN) == 30


def test_rules_read_once_per_event_whatever_the_pairs(national, django_assert_num_queries):
    buildings = [Building.HART, Building.RUSSELL, Building.RAYBURN, Building.CANNON]
    with django_assert_num_queries(1):
        for first in buildings:
            for second in buildings:
                gap(national, first, second)


def test_rules_fall_back_to_the_defaults_when_a_campus_has_no_rows(national):
    Campus.objects.all().delete()

    assert gap(national, Building.HART, Building.DIRKSEN) == 10
    assert gap(national, Building.HART, Building.LONGWORTH) == 30
    assert (
        walking_rules(level=Level.STATE, state="MN").pair_minutes(
            Building.MN_CAPITOL, Building.MN_SENATE
        )
        == 7
    )

"""Campuses as data: seeded once, edited by staff on their own page, never overwritten."""

import pytest
from django.urls import reverse

from lawmakers.campuses import CampusError, campus_walking_update, seed_campuses
from lawmakers.models import Building, Campus, CampusBuilding, Level, WalkingTime
from tests.permissions import LOGIN, assert_status, matrix

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def campuses(db):
    # The data migration seeds them, but a transactional test elsewhere may have
    # flushed the tables since: seed again (it adds only what is missing).
    seed_campuses()


def minutes_of(first, second):
    pair = sorted((first, second))
    return WalkingTime.objects.get(from_building_id=pair[0], to_building_id=pair[1]).minutes


def test_seed_has_the_capitol_and_the_four_state_capitols():
    campuses = dict(Campus.objects.values_list("state", "name"))
    assert sorted(campuses) == ["", "CA", "MA", "MN", "TN"]
    assert set(
        CampusBuilding.objects.filter(campus__state="TN").values_list("code", flat=True)
    ) == {Building.TN_CAPITOL, Building.TN_CORDELL_HULL}
    assert CampusBuilding.objects.get(code=Building.HART).group == "Senate side"
    assert "estimates" in Campus.objects.get(state="MN").note
    # The U.S. Capitol walks by the event's gaps alone.
    assert not WalkingTime.objects.filter(from_building__campus__state="").exists()


def test_seed_again_keeps_staff_edits_and_cleared_pairs():
    tn = Campus.objects.get(state="TN")
    mn = Campus.objects.get(state="MN")
    campus_walking_update(
        campus=tn,
        groups={Building.TN_CAPITOL: "Capitol"},
        minutes={(Building.TN_CAPITOL, Building.TN_CORDELL_HULL): 15},
    )
    campus_walking_update(
        campus=mn, groups={}, minutes={(Building.MN_CAPITOL, Building.MN_SENATE): None}
    )
    CampusBuilding.objects.filter(code=Building.MN_CENTENNIAL).delete()

    seed_campuses()

    assert minutes_of(Building.TN_CAPITOL, Building.TN_CORDELL_HULL) == 15
    assert CampusBuilding.objects.get(code=Building.TN_CAPITOL).group == "Capitol"
    assert minutes_of(Building.MN_CAPITOL, Building.MN_SENATE) is None
    # What went missing comes back with its default.
    assert minutes_of(Building.MN_CAPITOL, Building.MN_CENTENNIAL) == 10
    assert Campus.objects.count() == 5


@pytest.mark.parametrize(
    ("groups", "minutes", "message"),
    [
        ({Building.HART: "  "}, {}, "Hart Senate Office Building needs a group"),
        ({}, {(Building.HART, Building.RAYBURN): 500}, "between 0 and 120"),
        ({Building.MN_CAPITOL: "x"}, {}, "mn-capitol is not a building of U.S. Capitol"),
    ],
)
def test_campus_update_refuses_bad_input_and_writes_nothing(groups, minutes, message):
    campus = Campus.objects.get(level=Level.FEDERAL)
    with pytest.raises(CampusError, match=message):
        campus_walking_update(campus=campus, groups=groups, minutes=minutes)
    assert CampusBuilding.objects.get(code=Building.HART).group == "Senate side"
    assert not WalkingTime.objects.filter(from_building__campus=campus).exists()


PAGES = {
    "campuses": (LOGIN, 403, 403, 403, 200),
    "campus": (LOGIN, 403, 403, 403, 200),
}


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_campus_pages_permissions(client_as, view, role, expected):
    url = reverse(f"lawmakers:{view}", **({"args": ["mn"]} if view == "campus" else {}))
    assert_status(client_as(role).get(url), expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", LOGIN), ("member", 403), ("leader", 403), ("other_leader", 403)],
)
def test_campus_edit_post_refused_changes_nothing(client_as, role, expected):
    url = reverse("lawmakers:campus", args=["tn"])
    response = client_as(role).post(url, {"walk__tn-capitol__tn-cordell-hull": "40"})
    assert_status(response, expected)
    assert minutes_of(Building.TN_CAPITOL, Building.TN_CORDELL_HULL) == 10


def _form_data(campus):
    data = {f"group__{b.code}": b.group for b in campus.buildings.all()}
    codes = sorted(b.code for b in campus.buildings.all())
    for number, first in enumerate(codes):
        for second in codes[number + 1 :]:
            minutes = WalkingTime.objects.filter(
                from_building_id=first, to_building_id=second
            ).values_list("minutes", flat=True)
            data[f"walk__{first}__{second}"] = (
                "" if not minutes or minutes[0] is None else minutes[0]
            )
    return data


def test_staff_save_walking_minutes_and_groups(client_as):
    campus = Campus.objects.get(state="MN")
    data = _form_data(campus)
    data["walk__mn-capitol__mn-senate-building"] = "9"
    data["walk__mn-centennial__mn-state-office"] = ""
    data["group__mn-centennial"] = "South of the Capitol"

    response = client_as("staff").post(reverse("lawmakers:campus", args=["mn"]), data)

    assert response.status_code == 302
    assert minutes_of(Building.MN_CAPITOL, Building.MN_SENATE) == 9
    assert minutes_of(Building.MN_CENTENNIAL, Building.MN_STATE_OFFICE) is None
    assert CampusBuilding.objects.get(code=Building.MN_CENTENNIAL).group == "South of the Capitol"


def test_staff_bad_minutes_get_a_message_and_nothing_is_saved(client_as):
    campus = Campus.objects.get(state="MN")
    data = _form_data(campus)
    data["walk__mn-capitol__mn-senate-building"] = "600"
    data["group__mn-capitol"] = "Renamed"

    response = client_as("staff").post(reverse("lawmakers:campus", args=["mn"]), data)

    assert response.status_code == 200
    assert "less than or equal to 120" in response.content.decode()
    assert minutes_of(Building.MN_CAPITOL, Building.MN_SENATE) == 7
    assert CampusBuilding.objects.get(code=Building.MN_CAPITOL).group == "Capitol complex"


def test_unknown_campus_is_404_for_staff(client_as):
    assert client_as("staff").get(reverse("lawmakers:campus", args=["zz"])).status_code == 404


def test_campus_list_shows_the_estimates_note(client_as):
    page = client_as("staff").get(reverse("lawmakers:campuses")).content.decode()
    assert "Cordell Hull Building" in page
    assert "estimates" in page

import pytest
from django.urls import reverse

from members.models import Profile
from tests.permissions import LOGIN, matrix

# fmt: off
PAGES = {
    #                anonymous member leader other_leader staff
    "profile":      (LOGIN,    200,   200,   200,         200),
    "profile_edit": (LOGIN,    200,   200,   200,         200),
}
# fmt: on


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_profile_page_get_by_role(client_as, view, role, expected):
    response = client_as(role).get(reverse(view))
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url == reverse("account_login") + "?next=" + reverse(view)
    else:
        assert response.status_code == expected


def test_profile_edit_post_anonymous_changes_nothing(client, member):
    response = client.post(reverse("profile_edit"), {"first_name": "X", "last_name": "Y"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.first_name != "X"


def valid_data(**changes) -> dict:
    data = {
        "first_name": "Ana",
        "last_name": "Lopez",
        "phone": "(612) 555-0100",
        "address_line1": "1 Main St",
        "city": "Duluth",
        "state": "MN",
        "zip_code": "55802",
        "years_of_practice": "12",
        "first_time_advocate": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_profile_edit_valid_post_saves_everything(client, member, practice_areas, policy_issues):
    client.force_login(member)
    response = client.post(
        reverse("profile_edit"),
        valid_data(
            practice_areas=[area.pk for area in practice_areas],
            policy_issues=[policy_issues[1].pk],
        ),
    )
    assert (response.status_code, response.url) == (302, reverse("profile"))
    member.refresh_from_db()
    profile = Profile.objects.get(user=member)
    assert (member.full_name, profile.city, profile.state, profile.zip_code) == (
        "Ana Lopez",
        "Duluth",
        "MN",
        "55802",
    )
    assert (str(profile.phone.as_e164), profile.years_of_practice) == ("+16125550100", 12)
    assert list(profile.practice_areas.all()) == practice_areas
    assert list(profile.policy_issues.all()) == [policy_issues[1]]
    assert profile.is_complete is True


def test_profile_edit_clearing_choices_empties_them(client, member, practice_areas):
    Profile.objects.get(user=member).practice_areas.set(practice_areas)
    client.force_login(member)
    client.post(reverse("profile_edit"), valid_data())
    assert list(Profile.objects.get(user=member).practice_areas.all()) == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"zip_code": "ABCDE"}, "zip_code"),
        ({"zip_code": "5540"}, "zip_code"),
        ({"phone": "123"}, "phone"),
        ({"phone": "not a phone"}, "phone"),
        ({"years_of_practice": "81"}, "years_of_practice"),
        ({"years_of_practice": "-1"}, "years_of_practice"),
        ({"years_of_practice": "ten"}, "years_of_practice"),
        ({"state": "XX"}, "state"),
        ({"first_name": None}, "first_name"),
        ({"practice_areas": ["999999"]}, "practice_areas"),
    ],
    ids=[
        "zip-letters",
        "zip-short",
        "phone-short",
        "phone-words",
        "years-too-many",
        "years-negative",
        "years-word",
        "state-unknown",
        "first-name-missing",
        "practice-area-unknown",
    ],
)
def test_profile_edit_bad_input_rerenders_with_field_error(client, member, changes, field):
    client.force_login(member)
    before = member.first_name
    response = client.post(reverse("profile_edit"), valid_data(**changes))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    member.refresh_from_db()
    assert (member.first_name, Profile.objects.get(user=member).city) == (before, "")


def test_profile_detail_shows_practice_areas(client, member, practice_areas):
    Profile.objects.get(user=member).practice_areas.set(practice_areas[:1])
    client.force_login(member)
    response = client.get(reverse("profile"))
    assert response.context["practice_areas"] == practice_areas[:1]


@pytest.mark.parametrize("zip_code", ["a\x00b", "5540\x00", "abcde"])
def test_profile_edit_zip_that_is_no_zip_is_a_field_error_not_a_crash(client, member, zip_code):
    client.force_login(member)
    response = client.post(reverse("profile_edit"), valid_data(zip_code=zip_code))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["zip_code"]

"""A member's time zone: from their state, asked where the state spans several, editable."""

import pytest
from django.urls import reverse

from members.models import Profile
from members.time_zones import profile_zone, zone_for_state, zones_for_state
from tests.members.test_views import valid_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("state", "zone"),
    [
        ("HI", "Pacific/Honolulu"),
        ("AZ", "America/Phoenix"),
        ("CA", "America/Los_Angeles"),
        ("NY", "America/New_York"),
        ("MN", "America/Chicago"),
        ("AK", ""),  # Alaska and the Aleutians: asked
        ("TN", ""),  # Central and Eastern: asked
        ("", ""),
    ],
)
def test_zone_for_state_only_when_the_state_has_one(state, zone):
    assert zone_for_state(state) == zone


def test_every_state_and_territory_has_a_zone():
    from localflavor.us.us_states import STATE_CHOICES

    # Armed Forces mail codes (AA, AE, AP) name no place: the member chooses a zone.
    military = {"AA", "AE", "AP"}
    codes = [code for code, _ in STATE_CHOICES if code not in military]
    assert [code for code in codes if not zones_for_state(code)] == []


def test_profile_in_a_one_zone_state_takes_its_zone(client, member):
    client.force_login(member)
    response = client.post(reverse("profile_edit"), valid_data())

    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert (profile.time_zone, profile_zone(profile)) == ("", "America/Chicago")


def test_profile_in_a_state_of_several_zones_asks_which(client, member):
    client.force_login(member)
    data = valid_data(state="TN", city="Memphis", zip_code="38103", keep_unknown_zip="on")

    response = client.post(reverse("profile_edit"), data)

    assert response.status_code == 200
    assert "spans more than one time zone" in " ".join(
        response.context["form"].errors["time_zone"]
    )
    assert 'value="Memphis"' in response.content.decode()  # nothing typed is lost


def test_profile_time_zone_chosen_is_kept(client, member):
    client.force_login(member)
    client.post(
        reverse("profile_edit"),
        valid_data(
            state="TN", zip_code="38103", keep_unknown_zip="on", time_zone="America/Chicago"
        ),
    )

    assert Profile.objects.get(user=member).time_zone == "America/Chicago"


def test_profile_time_zone_that_does_not_exist_is_refused(client, member):
    client.force_login(member)

    response = client.post(reverse("profile_edit"), valid_data(time_zone="America/Springfield"))

    assert response.status_code == 200
    assert "no time zone named" in " ".join(response.context["form"].errors["time_zone"])
    assert Profile.objects.get(user=member).time_zone == ""

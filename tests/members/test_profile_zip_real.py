"""The profile form asks the district and flags the ZIP code at once (real ZIP table)."""

import pytest
from django.urls import reverse

from members.models import Profile
from tests.lawmakers.fixtures import real_lawmakers  # noqa: F401 - a module fixture
from tests.members.test_views import valid_data

pytestmark = pytest.mark.usefixtures("real_lawmakers")
EDIT = reverse("profile_edit")


def _post(client, member, **changes):
    client.force_login(member)
    return client.post(EDIT, valid_data(**changes))


def test_profile_zip_spanning_two_districts_asks_which_before_saving(client, member):
    response = _post(client, member, state="MA", zip_code="01002")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {
        "congressional_district": ["Your ZIP code spans several districts: choose yours."]
    }
    assert [label for _, label in form.fields["congressional_district"].choices] == [
        "MA-1",
        "MA-2",
    ]
    assert "MA-2" in response.content.decode()
    assert Profile.objects.get(user=member).zip_code == ""


def test_profile_zip_spanning_two_districts_saves_the_chosen_one(client, member):
    response = _post(client, member, state="MA", zip_code="01002", congressional_district="2")
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert (profile.zip_code, profile.congressional_district) == ("01002", 2)


def test_profile_edit_shows_the_district_question_for_a_saved_spanning_zip(client, member):
    Profile.objects.filter(user=member).update(state="MA", zip_code="01002")
    client.force_login(member)
    form = client.get(EDIT).context["form"]
    assert "congressional_district" in form.fields


def test_profile_zip_of_another_state_is_flagged_on_the_zip_field(client, member):
    response = _post(client, member, state="MN", zip_code="01002")
    assert response.context["form"].errors == {"zip_code": ["ZIP code 01002 is in MA, not MN."]}
    assert Profile.objects.get(user=member).zip_code == ""


def test_profile_unknown_zip_is_flagged_and_may_be_kept_on_purpose(client, member):
    response = _post(client, member, state="MN", zip_code="00001")
    errors = response.context["form"].errors
    assert list(errors) == ["zip_code"]
    assert "not in the Census ZIP-area table" in errors["zip_code"][0]
    assert "keep_unknown_zip" in response.context["form"].fields
    kept = _post(client, member, state="MN", zip_code="00001", keep_unknown_zip="on")
    assert kept.status_code == 302
    assert Profile.objects.get(user=member).zip_code == "00001"


def test_profile_single_district_zip_saves_and_forgets_an_old_choice(client, member):
    Profile.objects.filter(user=member).update(
        state="MA", zip_code="01002", congressional_district=2
    )
    response = _post(client, member, state="MN", zip_code="55401")
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert (profile.zip_code, profile.congressional_district) == ("55401", None)

"""Matching a member to their own lawmakers from state, ZIP and chosen districts."""

import pytest

from lawmakers.models import Chamber
from members.constituency import (
    DistrictChoiceError,
    constituencies_for,
    constituency_for,
    profile_choose_districts,
)
from tests.factories import UserFactory
from tests.lawmakers.factories import (
    LawmakerFactory,
    SenatorFactory,
    StateLegislatorFactory,
    ZipDistrictFactory,
)


@pytest.fixture
def minnesota(db):
    """Two senators, MN-4 and MN-5, ZIP 55401 in MN-5 only, 55414 in both."""
    seats = {
        "senators": [SenatorFactory(state="MN"), SenatorFactory(state="MN")],
        "mn4": LawmakerFactory(state="MN", district="4"),
        "mn5": LawmakerFactory(state="MN", district="5"),
        "other_state_senator": SenatorFactory(state="WI"),
    }
    ZipDistrictFactory(zcta="55401", state="MN", district=5)
    ZipDistrictFactory(zcta="55414", state="MN", district=4)
    ZipDistrictFactory(zcta="55414", state="MN", district=5)
    ZipDistrictFactory(zcta="53703", state="WI", district=2)
    return seats


def _profile(state="MN", zip_code="55401", **fields):
    profile = UserFactory().profile
    profile.state, profile.zip_code = state, zip_code
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()
    return profile


def test_constituency_single_district_zip_gives_two_senators_and_representative(minnesota):
    found = constituency_for(_profile(zip_code="55401-1234"))
    assert found.problem == ""
    assert {s.pk for s in found.senators} == {s.pk for s in minnesota["senators"]}
    assert found.representative == minnesota["mn5"]
    assert found.district == 5
    assert not found.needs_district_choice


def test_constituency_multi_district_zip_asks_instead_of_guessing(minnesota):
    found = constituency_for(_profile(zip_code="55414"))
    assert found.candidate_districts == [4, 5]
    assert found.needs_district_choice
    assert found.representative is None
    assert len(found.senators) == 2


def test_constituency_multi_district_zip_uses_the_member_choice(minnesota):
    found = constituency_for(_profile(zip_code="55414", congressional_district=4))
    assert found.representative == minnesota["mn4"]


def test_constituency_stale_choice_outside_candidates_is_ignored(minnesota):
    found = constituency_for(_profile(zip_code="55414", congressional_district=7))
    assert found.needs_district_choice
    assert found.representative is None


def test_constituency_unknown_zip_has_clear_message(minnesota):
    found = constituency_for(_profile(zip_code="00000"))
    assert "ZIP code 00000 is not in the Census ZIP-area table" in found.problem
    assert found.representative is None
    assert len(found.senators) == 2


def test_constituency_zip_in_other_state_has_clear_message(minnesota):
    found = constituency_for(_profile(zip_code="53703"))
    assert found.problem == (
        "ZIP code 53703 is in WI, not MN. Check the state and ZIP code in your profile."
    )
    assert found.representative is None


def test_constituency_without_state_asks_for_profile(db):
    found = constituency_for(_profile(state="", zip_code=""))
    assert found.problem.startswith("Add your home state and ZIP code")
    assert found.lawmakers == []


def test_constituency_at_large_territory_without_zip_row(db):
    delegate = LawmakerFactory(state="GU", district="0", is_voting=False)
    found = constituency_for(_profile(state="GU", zip_code="96910"))
    assert found.representative == delegate
    assert found.problem == ""
    assert found.senators == []


def test_constituency_vacant_seat_is_reported(db):
    ZipDistrictFactory(zcta="94010", state="CA", district=14)
    found = constituency_for(_profile(state="CA", zip_code="94010"))
    assert found.district == 14
    assert found.seat_is_vacant


def test_constituency_former_lawmaker_is_not_matched(minnesota):
    minnesota["mn5"].is_serving = False
    minnesota["mn5"].save()
    found = constituency_for(_profile(zip_code="55401"))
    assert found.representative is None
    assert found.seat_is_vacant


def test_constituency_state_legislators_from_chosen_districts(minnesota):
    upper = StateLegislatorFactory(state="MN", chamber=Chamber.UPPER, district="62")
    lower = StateLegislatorFactory(state="MN", chamber=Chamber.LOWER, district="62A")
    StateLegislatorFactory(state="MN", chamber=Chamber.LOWER, district="9B")
    not_chosen = constituency_for(_profile())
    assert not_chosen.has_state_data and not_chosen.needs_state_choice
    assert not_chosen.lower_districts == ["9B", "62A"]
    chosen = constituency_for(_profile(state_upper_district="62", state_lower_district="62A"))
    assert (chosen.state_upper, chosen.state_lower) == (upper, lower)
    assert not chosen.needs_state_choice


def test_constituency_state_without_legislature_data_asks_nothing(minnesota):
    found = constituency_for(_profile(state="WI", zip_code="53703"))
    assert not found.has_state_data
    assert not found.needs_state_choice


def test_choose_districts_saves_a_candidate(minnesota):
    profile = _profile(zip_code="55414")
    profile_choose_districts(profile=profile, congressional_district=5)
    profile.refresh_from_db()
    assert profile.congressional_district == 5


def test_choose_districts_refuses_a_district_the_zip_rules_out(minnesota):
    profile = _profile(zip_code="55414")
    with pytest.raises(DistrictChoiceError, match="MN-3 is not a district of ZIP code 55414"):
        profile_choose_districts(profile=profile, congressional_district=3)
    profile.refresh_from_db()
    assert profile.congressional_district is None


def test_choose_districts_refuses_unknown_state_district(minnesota):
    StateLegislatorFactory(state="MN", chamber=Chamber.LOWER, district="62A")
    profile = _profile()
    with pytest.raises(DistrictChoiceError, match="99Z is not a state house district"):
        profile_choose_districts(
            profile=profile, congressional_district=None, state_lower_district="99Z"
        )


def test_constituencies_for_many_profiles_uses_constant_queries(
    minnesota, django_assert_num_queries
):
    few = [_profile()]
    many = [_profile(zip_code=z) for z in ("55401", "55414", "53703", "00000") * 5]
    with django_assert_num_queries(2):
        constituencies_for(few)
    with django_assert_num_queries(2):
        result = constituencies_for(many)
    assert len(result) == 20

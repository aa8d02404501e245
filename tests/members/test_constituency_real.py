"""Matching against the real imported data (../shared/data)."""

import pytest

from members.constituency import constituencies_for
from tests.factories import UserFactory
from tests.lawmakers.fixtures import real_lawmakers  # noqa: F401 - a module fixture

pytestmark = pytest.mark.usefixtures("real_lawmakers")


def _match(state, zip_code, **fields):
    profile = UserFactory().profile
    profile.state, profile.zip_code = state, zip_code
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()
    return constituencies_for([profile])[profile.pk]


def test_real_zip_in_two_massachusetts_districts_asks_to_choose(db):
    found = _match("MA", "01002")
    assert found.candidate_districts == [1, 2]
    assert found.needs_district_choice
    assert {s.last_name for s in found.senators} == {"Markey", "Warren"}
    chosen = _match("MA", "01002", congressional_district=2)
    assert chosen.representative.public_id == "M000312"  # McGovern, MA-2


def test_real_dc_zip_gives_the_non_voting_delegate_and_no_senators(db):
    found = _match("DC", "20001")
    assert found.representative.is_voting is False
    assert found.senators == []


def test_real_vacant_seat_ca_14(db):
    found = _match("CA", "94541")
    assert found.district == 14
    assert found.seat_is_vacant
    assert len(found.senators) == 2


def test_real_cross_state_zcta_uses_the_given_state(db):
    assert _match("GA", "30165").district == 14
    assert _match("AL", "30165").district == 3


def test_real_at_large_alaska_and_new_member_ca_1(db):
    assert _match("AK", "99501").representative.district == "0"
    newcomer = _match("CA", "96001").representative  # sworn in 2026-06-10, no office yet
    assert (newcomer.public_id, newcomer.office_raw) == ("G000607", "")


def test_real_state_legislator_by_chosen_district(db):
    found = _match("MN", "55401", state_lower_district="62A")
    assert found.state_lower is not None
    assert found.state_lower.district == "62A"
    assert "21A" not in found.lower_districts  # vacant seat

"""The member's "My lawmakers" page and the district chooser."""

import pytest
from django.urls import reverse

from lawmakers.models import Chamber
from tests.lawmakers.factories import (
    LawmakerFactory,
    SenatorFactory,
    StateLegislatorFactory,
    ZipDistrictFactory,
)

PAGE = reverse("my_lawmakers")
CHOOSE = reverse("choose_districts")


@pytest.fixture
def minnesota(db):
    seats = {
        "senators": SenatorFactory.create_batch(2, state="MN"),
        "mn4": LawmakerFactory(state="MN", district="4", full_name="Four Rep"),
        "mn5": LawmakerFactory(state="MN", district="5", full_name="Five Rep"),
        "upper": StateLegislatorFactory(state="MN", chamber=Chamber.UPPER, district="62"),
        "lower": StateLegislatorFactory(state="MN", chamber=Chamber.LOWER, district="62A"),
    }
    ZipDistrictFactory(zcta="55401", state="MN", district=5)
    ZipDistrictFactory(zcta="55414", state="MN", district=4)
    ZipDistrictFactory(zcta="55414", state="MN", district=5)
    return seats


def _home(user, state="MN", zip_code="55401"):
    user.profile.state, user.profile.zip_code = state, zip_code
    user.profile.save()


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member", 200), ("leader", 200), ("other_leader", 200), ("staff", 200)],
)
def test_my_lawmakers_page_permissions_by_role(client_as, minnesota, role, status):
    assert client_as(role).get(PAGE).status_code == status


@pytest.mark.parametrize("role", ["anonymous", "member", "staff"])
def test_choose_districts_requires_login_and_post(client_as, minnesota, role):
    client = client_as(role)
    assert client.get(CHOOSE).status_code == (302 if role == "anonymous" else 405)


def test_my_lawmakers_shows_own_senators_and_representative(client, member, minnesota):
    _home(member)
    client.force_login(member)
    html = client.get(PAGE).content.decode()
    for senator in minnesota["senators"]:
        assert senator.full_name in html
    assert "Five Rep" in html
    assert "Four Rep" not in html


def test_my_lawmakers_shows_only_the_member_own(client, member, leader, minnesota):
    """A member sees their own lawmakers, not another person's: there is no user parameter."""
    _home(member, zip_code="55401")
    _home(leader, zip_code="55414")
    leader.profile.congressional_district = 4
    leader.profile.save()
    client.force_login(member)
    response = client.get(PAGE, {"user": leader.pk})
    assert response.context["constituency"].representative == minnesota["mn5"]


def test_my_lawmakers_multi_district_zip_offers_candidates(client, member, minnesota):
    _home(member, zip_code="55414")
    client.force_login(member)
    response = client.get(PAGE)
    html = response.content.decode()
    assert "Your ZIP code spans 2 districts" in html
    assert [c[0] for c in response.context["form"].fields["congressional_district"].choices] == [
        4,
        5,
    ]
    assert "Four Rep" not in html and "Five Rep" not in html


def test_choose_districts_saves_and_shows_the_representative(client, member, minnesota):
    _home(member, zip_code="55414")
    client.force_login(member)
    response = client.post(
        CHOOSE,
        {"congressional_district": "4", "state_upper_district": "62", "state_lower_district": ""},
    )
    assert response.status_code == 302
    member.profile.refresh_from_db()
    assert (member.profile.congressional_district, member.profile.state_upper_district) == (
        4,
        "62",
    )
    html = client.get(PAGE).content.decode()
    assert "Four Rep" in html
    assert minnesota["upper"].full_name in html


@pytest.mark.parametrize(
    "data",
    [
        {"congressional_district": "9"},
        {"congressional_district": "abc"},
        {"state_lower_district": "99Z"},
        {"congressional_district": "4", "state_upper_district": "<script>"},
    ],
)
def test_choose_districts_bad_input_rerenders_with_errors(client, member, minnesota, data):
    _home(member, zip_code="55414")
    client.force_login(member)
    response = client.post(CHOOSE, data)
    assert response.status_code == 200
    assert response.context["form"].errors
    member.profile.refresh_from_db()
    assert member.profile.congressional_district is None


def test_my_lawmakers_unknown_zip_and_other_state_messages(client, member, minnesota):
    client.force_login(member)
    _home(member, zip_code="99999")
    assert (
        "ZIP code 99999 is not in the Census ZIP-area table" in client.get(PAGE).content.decode()
    )
    ZipDistrictFactory(zcta="53703", state="WI", district=2)
    _home(member, zip_code="53703")
    assert "ZIP code 53703 is in WI, not MN." in client.get(PAGE).content.decode()


def test_my_lawmakers_without_profile_address_asks_for_it(client, member, minnesota):
    client.force_login(member)
    assert "Add your home state and ZIP code" in client.get(PAGE).content.decode()


def test_my_lawmakers_query_count_constant(client, member, minnesota, django_assert_num_queries):
    _home(member)
    client.force_login(member)
    # session, user, profile, ZIP rows, lawmakers of the state, nav
    with django_assert_num_queries(6):
        assert client.get(PAGE).status_code == 200
    StateLegislatorFactory.create_batch(30, state="MN")
    SenatorFactory.create_batch(3, state="MN", is_serving=False)
    with django_assert_num_queries(6):
        assert client.get(PAGE).status_code == 200


def test_home_and_profile_link_to_my_lawmakers(client, member):
    client.force_login(member)
    assert PAGE in client.get(reverse("home")).content.decode()
    assert PAGE in client.get(reverse("profile")).content.decode()

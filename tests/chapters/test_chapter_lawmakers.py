"""A chapter's page of the lawmakers its members are constituents of, with counts."""

import pytest
from django.urls import reverse

from chapters.models import Role
from tests.factories import MembershipFactory
from tests.lawmakers.factories import LawmakerFactory, SenatorFactory, ZipDistrictFactory


@pytest.fixture
def seats(db):
    ZipDistrictFactory(zcta="55401", state="MN", district=5)
    ZipDistrictFactory(zcta="55414", state="MN", district=4)
    ZipDistrictFactory(zcta="55414", state="MN", district=5)
    return {
        "senators": SenatorFactory.create_batch(2, state="MN"),
        "mn5": LawmakerFactory(state="MN", district="5"),
    }


def _add_member(chapter, zip_code="55401", state="MN"):
    user = MembershipFactory(chapter=chapter, role=Role.MEMBER).user
    user.profile.state, user.profile.zip_code = state, zip_code
    user.profile.save()
    return user


def _url(chapter):
    return reverse("chapters:lawmakers", args=[chapter.slug])


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member", 403), ("leader", 200), ("other_leader", 403), ("staff", 200)],
)
def test_chapter_lawmakers_permissions_by_role(client_as, chapter, seats, role, status):
    assert client_as(role).get(_url(chapter)).status_code == status


def test_chapter_lawmakers_counts_constituents(client, leader, chapter, seats):
    _add_member(chapter)
    _add_member(chapter)
    _add_member(chapter, zip_code="55414")  # must choose between MN-4 and MN-5
    _add_member(chapter, zip_code="", state="")
    client.force_login(leader)
    result = client.get(_url(chapter)).context["constituents"]
    counts = {lawmaker.pk: n for lawmaker, n in result.rows}
    assert counts[seats["mn5"].pk] == 2
    assert counts[seats["senators"][0].pk] == 3
    # the leader and the last member gave no address
    assert (result.member_count, result.needs_choice, result.problems) == (5, 1, 2)


def test_chapter_lawmakers_query_count_constant(
    client, leader, chapter, seats, django_assert_num_queries
):
    client.force_login(leader)
    _add_member(chapter)
    # session, user, chapter, leader check, chapter states, memberships with profiles,
    # ZIP rows, lawmakers, nav
    with django_assert_num_queries(9):
        assert client.get(_url(chapter)).status_code == 200
    for zip_code in ["55401", "55414"] * 10:
        _add_member(chapter, zip_code=zip_code)
    with django_assert_num_queries(9):
        assert client.get(_url(chapter)).status_code == 200

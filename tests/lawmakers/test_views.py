"""Directory and lawmaker pages: permissions, filters, bad input, query counts."""

import pytest
from django.urls import reverse

from chapters.models import Role
from lawmakers.models import Chamber, Level
from tests.factories import MembershipFactory, UserFactory
from tests.lawmakers.factories import (
    CommitteeFactory,
    CommitteeSeatFactory,
    DistrictOfficeFactory,
    LawmakerFactory,
    SenatorFactory,
    StateLegislatorFactory,
    ZipDistrictFactory,
)

DIRECTORY = reverse("lawmakers:directory")


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member", 200), ("leader", 200), ("other_leader", 200), ("staff", 200)],
)
def test_directory_permissions_by_role(client_as, role, status):
    LawmakerFactory(full_name="Ilhan Example")
    response = client_as(role).get(DIRECTORY)
    assert response.status_code == status
    if status == 302:
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member", 200), ("leader", 200), ("other_leader", 200), ("staff", 200)],
)
def test_lawmaker_detail_permissions_by_role(client_as, role, status):
    lawmaker = StateLegislatorFactory()
    response = client_as(role).get(reverse("lawmakers:detail", args=[lawmaker.public_id]))
    assert response.status_code == status


def test_directory_search_by_name_and_filters(client, member):
    client.force_login(member)
    LawmakerFactory(first_name="Ada", last_name="Lovelace", full_name="Ada Lovelace", state="MN")
    SenatorFactory(full_name="Bob Senate", last_name="Senate", state="TN", party="Republican")
    StateLegislatorFactory(full_name="Cy Statehouse", last_name="Statehouse", state="MN")
    seat = CommitteeSeatFactory(lawmaker__full_name="Dee Judiciary", lawmaker__state="CA")

    def names(**params):
        page = client.get(DIRECTORY, params).context["page"]
        return [lawmaker.full_name for lawmaker in page]

    assert names(q="lovel") == ["Ada Lovelace"]
    assert names(state="TN") == ["Bob Senate"]
    assert names(chamber=Chamber.UPPER) == ["Bob Senate"]
    assert names(level=Level.STATE) == ["Cy Statehouse"]
    assert names(party="Republican") == ["Bob Senate"]
    assert names(committee=seat.committee.pk) == ["Dee Judiciary"]


def test_directory_hides_former_lawmakers_unless_asked(client, member):
    client.force_login(member)
    LawmakerFactory(full_name="Gone Person", is_serving=False)
    assert client.get(DIRECTORY).context["page"].paginator.count == 0
    assert client.get(DIRECTORY, {"former": "on"}).context["page"].paginator.count == 1


def test_directory_bad_filter_input_rerenders_with_errors(client, member):
    client.force_login(member)
    LawmakerFactory()
    response = client.get(DIRECTORY, {"state": "ZZ", "committee": "nope", "page": "x"})
    assert response.status_code == 200
    assert "state" in response.context["form"].errors
    assert "committee" in response.context["form"].errors


def test_lawmaker_detail_unknown_id_is_404(client, member):
    client.force_login(member)
    assert client.get(reverse("lawmakers:detail", args=["X000000"])).status_code == 404


def test_lawmaker_detail_shows_offices_and_committees(client, member):
    client.force_login(member)
    lawmaker = LawmakerFactory(full_name="Rita Rep")
    committee = CommitteeFactory(name="House Committee on the Judiciary")
    sub = CommitteeFactory(name="Immigration", parent=committee)
    CommitteeSeatFactory(lawmaker=lawmaker, committee=committee, title="Ranking Member")
    CommitteeSeatFactory(lawmaker=lawmaker, committee=sub)
    DistrictOfficeFactory(lawmaker=lawmaker, city="Duluth")
    response = client.get(reverse("lawmakers:detail", args=[lawmaker.public_id]))
    html = response.content.decode()
    assert "House Committee on the Judiciary" in html
    assert "Ranking Member" in html
    assert "House Committee on the Judiciary: Immigration" in html
    assert "Duluth" in html
    assert "Rayburn House Office Building" in html


def test_directory_query_count_constant_one_or_many(client, member, django_assert_num_queries):
    client.force_login(member)
    LawmakerFactory()
    # session, user, count, page, committees and parties for the filter form, nav
    with django_assert_num_queries(7):
        assert client.get(DIRECTORY).status_code == 200
    LawmakerFactory.create_batch(40)
    with django_assert_num_queries(7):
        assert client.get(DIRECTORY).status_code == 200


def test_lawmaker_detail_query_count_constant_one_or_many(
    client, member, django_assert_num_queries
):
    client.force_login(member)
    lawmaker = LawmakerFactory()
    CommitteeSeatFactory(lawmaker=lawmaker)
    DistrictOfficeFactory(lawmaker=lawmaker)
    url = reverse("lawmakers:detail", args=[lawmaker.public_id])
    # session, user, lawmaker, offices, seats, led chapters (constituents panel),
    # whether they keep the office's contacts (contacts panel), the states they lead
    # (campaign actions panel), nav
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200
    CommitteeSeatFactory.create_batch(10, lawmaker=lawmaker)
    DistrictOfficeFactory.create_batch(5, lawmaker=lawmaker)
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200


@pytest.fixture
def constituent(chapter):
    """A member of the `chapter` living in MN-5."""
    user = MembershipFactory(chapter=chapter, role=Role.MEMBER).user
    user.profile.state, user.profile.zip_code = "MN", "55401"
    user.profile.save()
    ZipDistrictFactory(zcta="55401", state="MN", district=5)
    return user


@pytest.mark.parametrize(
    ("role", "sees_panel", "sees_member"),
    [
        ("member", False, False),
        ("leader", True, True),
        ("other_leader", True, False),  # their own chapters' members only: none here
        ("staff", True, True),
    ],
)
def test_lawmaker_constituents_panel_visible_to_staff_and_their_leaders(
    client_as, constituent, role, sees_panel, sees_member
):
    lawmaker = LawmakerFactory(state="MN", district="5")
    html = client_as(role).get(reverse("lawmakers:detail", args=[lawmaker.public_id]))
    html = html.content.decode()
    assert ("Our constituents" in html) is sees_panel
    assert (constituent.full_name in html) is sees_member


def test_lawmaker_constituents_panel_lists_undecided_members(client, staff, chapter):
    client.force_login(staff)
    ZipDistrictFactory(zcta="55414", state="MN", district=4)
    ZipDistrictFactory(zcta="55414", state="MN", district=5)
    user = MembershipFactory(chapter=chapter, user__first_name="Una", user__last_name="Decided")
    user.user.profile.state, user.user.profile.zip_code = "MN", "55414"
    user.user.profile.save()
    lawmaker = LawmakerFactory(state="MN", district="5")
    response = client.get(reverse("lawmakers:detail", args=[lawmaker.public_id]))
    assert response.context["panels"]
    assert "1 more may be" in response.content.decode()


def test_lawmaker_constituents_panel_query_count_constant(
    client, leader, chapter, django_assert_num_queries
):
    client.force_login(leader)
    ZipDistrictFactory(zcta="55401", state="MN", district=5)
    lawmaker = LawmakerFactory(state="MN", district="5")
    url = reverse("lawmakers:detail", args=[lawmaker.public_id])

    def add_constituents(n):
        for _ in range(n):
            user = UserFactory()
            MembershipFactory(chapter=chapter, user=user)
            user.profile.state, user.profile.zip_code = "MN", "55401"
            user.profile.save()

    add_constituents(1)
    # session, user, lawmaker, offices, seats, led chapters, profiles, memberships,
    # ZIP rows, lawmakers of the state, the office's contacts (two), the states they
    # lead and the campaigns' counts (campaign actions panel), nav
    with django_assert_num_queries(16):
        response = client.get(url)
    assert response.content.decode().count('class="tag"') == 1
    add_constituents(15)
    with django_assert_num_queries(16):
        response = client.get(url)
    assert response.content.decode().count('class="tag"') == 16

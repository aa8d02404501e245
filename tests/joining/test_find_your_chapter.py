"""Find your chapter on the real ZIP table and the real Congress (../shared/data)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from chapters.models import ChapterDistrict, Membership, Role
from joining import services
from joining.finding import UnknownZip, find_for_zip
from joining.models import JoinRequest, JoinStatus
from outbox.models import Email
from tests.factories import ChapterFactory, MembershipFactory, StaffFactory, UserFactory
from tests.lawmakers.fixtures import real_lawmakers  # noqa: F401  (the module's real data)
from tests.permissions import LOGIN, assert_status, matrix

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_lawmakers")]


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def california():
    """Two chapters share California: the Bay Area (CA-11, CA-12) and Los Angeles (CA-34)."""
    bay = ChapterFactory(name="Bay Area", slug="bay-area", states=["CA"])
    los_angeles = ChapterFactory(name="Los Angeles", slug="los-angeles", states=["CA"])
    for chapter, district in ((bay, 11), (bay, 12), (los_angeles, 34)):
        ChapterDistrict.objects.create(chapter=chapter, state="CA", district=district)
    return bay, los_angeles


def test_a_zip_in_a_state_with_two_chapters_finds_the_one_serving_its_district(california):
    bay, los_angeles = california

    assert find_for_zip("94103").chapters == [bay]
    # 90012 spans CA-30 and CA-34: the chapter serving either of them.
    assert find_for_zip("90012").chapters == [los_angeles]


def test_a_narrower_area_wins_over_a_whole_state_chapter(california):
    bay, _ = california
    statewide = ChapterFactory(name="California", slug="california", states=["CA"])

    assert find_for_zip("94103").chapters == [bay]
    # A ZIP in no narrower area falls back to the chapter covering the whole state.
    assert find_for_zip("95814").chapters == [statewide]


def test_two_statewide_chapters_are_both_offered():
    first = ChapterFactory(name="Massachusetts East", states=["MA"])
    second = ChapterFactory(name="Massachusetts West", states=["MA"])

    assert find_for_zip("01002-1234").chapters == [first, second]


def test_the_person_s_lawmakers_come_with_the_zip():
    ChapterFactory(name="Minnesota", states=["MN"])

    finding = find_for_zip("55401")

    chambers = sorted(lm.chamber for lm in finding.lawmakers)
    assert chambers == ["lower", "upper", "upper"]
    assert {lm.district for lm in finding.lawmakers if lm.chamber == "lower"} == {"5"}


@pytest.mark.parametrize("typed", ["00000", "5540", "abcde", ""])
def test_an_unknown_zip_is_refused_with_a_message(typed):
    with pytest.raises(UnknownZip):
        find_for_zip(typed)


def test_the_page_for_an_unknown_zip_says_so_and_writes_nothing(client):
    response = client.get(reverse("joining:find"), {"zip": "00000"})
    assert response.status_code == 400
    assert "We do not know ZIP code 00000" in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_the_public_page_names_no_members(client):
    chapter = ChapterFactory(name="Minnesota", states=["MN"])
    MembershipFactory(chapter=chapter, user__first_name="Zelda", user__last_name="Quarry")

    page = client.get(reverse("joining:find"), {"zip": "55401"}).content.decode()

    assert "Minnesota" in page and "Quarry" not in page and "Join this chapter" in page


def test_the_page_is_rate_limited_per_address(client):
    for _ in range(30):
        assert client.get(reverse("joining:find"), {"zip": "55401"}).status_code == 200
    assert client.get(reverse("joining:find"), {"zip": "55401"}).status_code == 429


def test_a_state_with_no_chapter_joins_at_large_and_staff_are_told():
    staffer, person = StaffFactory(), UserFactory()

    assert find_for_zip("59601").chapters == []
    request = services.join_at_large(user=person, zip_code="59601")

    assert request.status == JoinStatus.AT_LARGE
    assert Email.objects.filter(kind="joining.at_large", to=staffer.email).count() == 1
    with pytest.raises(services.JoinError, match="already a member at large"):
        services.join_at_large(user=person, zip_code="59601")


def test_asking_to_join_tells_the_leaders_and_approval_makes_a_member():
    chapter = ChapterFactory(name="Minnesota", states=["MN"])
    leader = MembershipFactory(chapter=chapter, role=Role.CHAIR).user
    person = UserFactory()

    request = services.join_request_create(chapter=chapter, user=person, zip_code="55401")

    assert Email.objects.filter(kind="joining.request", to=leader.email).count() == 1
    with pytest.raises(services.JoinError, match="already asked"):
        services.join_request_create(chapter=chapter, user=person, zip_code="55401")
    services.join_request_decide(request=request, by=leader, approve=True)
    assert Membership.objects.filter(chapter=chapter, user=person, role=Role.MEMBER).exists()
    assert Email.objects.filter(kind="joining.answer", to=person.email).count() == 1
    with pytest.raises(services.JoinError, match="already belong"):
        services.join_request_create(chapter=chapter, user=person, zip_code="55401")


def test_a_chapter_that_does_not_cover_the_zip_is_refused():
    chapter = ChapterFactory(name="Tennessee", states=["TN"])
    with pytest.raises(services.JoinError, match="does not cover"):
        services.join_request_create(chapter=chapter, user=UserFactory(), zip_code="55401")
    assert not JoinRequest.objects.exists()


def test_declining_makes_no_member(client):
    chapter = ChapterFactory(name="Minnesota", states=["MN"])
    leader = MembershipFactory(chapter=chapter, role=Role.LEADER).user
    request = services.join_request_create(chapter=chapter, user=UserFactory(), zip_code="55401")
    client.force_login(leader)

    client.post(reverse("joining:decide", args=[chapter.slug, request.pk]), {"answer": "decline"})

    request.refresh_from_db()
    assert request.status == JoinStatus.DECLINED
    assert not Membership.objects.filter(user=request.user).exists()


PAGES = {
    #            anonymous member leader other_leader staff
    "find": (200, 200, 200, 200, 200),
    "requests": (LOGIN, 403, 200, 403, 200),
    "decide": (LOGIN, 403, 302, 403, 302),
}


@pytest.mark.parametrize("view, role, expected", matrix(PAGES))
def test_joining_permission_matrix(client_as, chapter, view, role, expected):
    request = services.join_request_create(chapter=chapter, user=UserFactory(), zip_code="55401")
    client = client_as(role)
    if view == "find":
        response = client.get(reverse("joining:find"), {"zip": "55401"})
    elif view == "requests":
        response = client.get(reverse("joining:requests", args=[chapter.slug]))
    else:
        url = reverse("joining:decide", args=[chapter.slug, request.pk])
        response = client.post(url, {"answer": "approve"})
    assert_status(response, expected)
    approved = JoinRequest.objects.get(pk=request.pk).status == JoinStatus.APPROVED
    assert approved == (view == "decide" and expected == 302)

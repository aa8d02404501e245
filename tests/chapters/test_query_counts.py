"""Each list page runs the same number of queries for one row as for many."""

import pytest
from django.urls import reverse

from chapters.models import InvitationStatus, Role
from members.models import PracticeArea
from tests.factories import ChapterFactory, InvitationFactory, MembershipFactory

MANY = 30


@pytest.fixture
def practice_areas(db):
    return [
        PracticeArea.objects.get_or_create(name=name)[0]
        for name in ("Asylum", "Family-based", "Removal defense")
    ]


def add_members(chapter, practice_areas, count: int) -> None:
    for n in range(count):
        membership = MembershipFactory(chapter=chapter, role=Role.MEMBER)
        profile = membership.user.profile
        profile.state, profile.city, profile.zip_code = "MN", "Duluth", f"558{n:02d}"
        profile.save()
        profile.practice_areas.set(practice_areas[: 1 + n % 3])


@pytest.mark.parametrize("rows", [1, MANY])
def test_chapter_list_queries_do_not_grow(
    client, staff, practice_areas, django_assert_num_queries, rows
):
    for _ in range(rows):
        chapter = ChapterFactory(states=["MN", "WI"])
        add_members(chapter, practice_areas, 2)
        InvitationFactory(chapter=chapter)
    client.force_login(staff)
    with django_assert_num_queries(4):
        response = client.get(reverse("chapters:list"))
    assert len(response.context["chapters"]) == rows


@pytest.mark.parametrize("rows", [1, MANY])
@pytest.mark.parametrize(
    ("query", "queries", "chair_listed"),
    [
        ("", 12, True),
        ("?role=member&state=MN&first_time=true&q=duluth", 12, False),
        # Checking the chosen practice area against the list takes one more.
        ("?practice_area=PRACTICE_AREA", 13, False),
        ("?page=2", 12, True),
    ],
    ids=["unfiltered", "filtered", "practice-area", "past-last-page"],
)
def test_roster_queries_do_not_grow(
    client,
    leader,
    chapter,
    practice_areas,
    django_assert_num_queries,
    rows,
    query,
    queries,
    chair_listed,
):
    add_members(chapter, practice_areas, rows)
    client.force_login(leader)
    url = reverse("chapters:roster", args=[chapter.slug]) + query.replace(
        "PRACTICE_AREA", str(practice_areas[0].pk)
    )
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert len(response.context["page"].object_list) == rows + chair_listed


@pytest.mark.parametrize("rows", [1, MANY])
@pytest.mark.parametrize("query", ["", "?status=sent"], ids=["all", "sent"])
def test_invitation_list_queries_do_not_grow(
    client, leader, chapter, django_assert_num_queries, rows, query
):
    InvitationFactory.create_batch(rows, chapter=chapter, status=InvitationStatus.SENT)
    client.force_login(leader)
    with django_assert_num_queries(9):
        response = client.get(reverse("chapters:invitations", args=[chapter.slug]) + query)
    assert len(response.context["page"].object_list) == rows

import pytest
from django.urls import reverse

from chapters.models import Role
from events.models import EventStatus
from tests.factories import ChapterFactory, EventFactory, MembershipFactory
from tests.permissions import matrix

# fmt: off
PAGES = {
    #         anonymous member leader other_leader staff
    "home":  (200,      200,   200,   200,         200),
}
# fmt: on


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_home_get_by_role(client_as, view, role, expected):
    response = client_as(role).get(reverse(view))
    assert response.status_code == expected


def test_home_anonymous_sees_published_events_only(client, db):
    published = EventFactory(name="Spring Day of Action")
    EventFactory(name="Secret draft", status=EventStatus.DRAFT)
    response = client.get(reverse("home"))
    assert response.templates[0].name == "home_anonymous.html"
    assert list(response.context["events"]) == [published]


def test_home_staff_sees_drafts_and_every_chapter(client, staff, chapter, other_chapter):
    draft = EventFactory(status=EventStatus.DRAFT)
    client.force_login(staff)
    response = client.get(reverse("home"))
    assert response.context["events"] == [draft]
    assert [c.slug for c in response.context["led_chapters"]] == ["mn-dakotas", "tennessee"]


def test_home_member_sees_chapter_and_its_leaders(client, member, leader, chapter):
    client.force_login(member)
    response = client.get(reverse("home"))
    (membership,) = response.context["memberships"]
    assert membership.chapter == chapter
    assert [m.user for m in membership.chapter.leader_memberships] == [leader]
    assert response.context["led_chapters"] == []


def test_home_leader_sees_only_their_chapter(client, leader, chapter, other_chapter):
    client.force_login(leader)
    response = client.get(reverse("home"))
    assert response.context["led_chapters"] == [chapter]


@pytest.mark.parametrize("rows", [1, 30])
def test_home_leader_queries_do_not_grow(client, db, django_assert_num_queries, rows):
    leader = MembershipFactory(role=Role.CHAIR).user
    for n in range(rows):
        chapter = ChapterFactory(states=["MN", "WI"]) if n else leader.memberships.get().chapter
        if n:
            MembershipFactory(chapter=chapter, user=leader, role=Role.CHAIR)
        MembershipFactory(chapter=chapter, role=Role.LEADER)
        MembershipFactory(chapter=chapter, role=Role.MEMBER)
        EventFactory()
    client.force_login(leader)
    with django_assert_num_queries(11):
        response = client.get(reverse("home"))
    assert (len(response.context["memberships"]), len(response.context["led_chapters"])) == (
        rows,
        rows,
    )


@pytest.mark.parametrize("rows", [1, 30])
def test_home_staff_queries_do_not_grow(client, staff, django_assert_num_queries, rows):
    for _ in range(rows):
        chapter = ChapterFactory(states=["MN", "WI"])
        MembershipFactory(chapter=chapter, role=Role.CHAIR)
        EventFactory(status=EventStatus.DRAFT)
    client.force_login(staff)
    with django_assert_num_queries(8):
        response = client.get(reverse("home"))
    assert len(response.context["led_chapters"]) == rows


@pytest.mark.parametrize("rows", [1, 30])
def test_home_anonymous_queries_do_not_grow(client, db, django_assert_num_queries, rows):
    EventFactory.create_batch(rows)
    with django_assert_num_queries(1):
        response = client.get(reverse("home"))
    assert len(response.context["events"]) == min(rows, 3)


# Error pages.


def test_unknown_url_answers_404_page(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "errors/404.html" in [t.name for t in response.templates]


def test_forbidden_page_gives_the_reason(client, member, chapter):
    client.force_login(member)
    response = client.get(reverse("chapters:roster", args=[chapter.slug]))
    assert response.status_code == 403
    assert response.context["reason"] == (
        "Only this chapter's leaders and national staff can do that."
    )

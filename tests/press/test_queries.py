"""The kit's pages keep a constant query count whatever the number of rows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from press.models import Clipping, MediaContact, OutreachEntry, Quote, SocialPost
from press.social import posts_suggest
from tests.factories import MembershipFactory


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow(page, n, by):
    for i in range(n):
        contact = MediaContact.objects.create(
            name=f"Reporter {i}",
            email=f"r{i}-{page.pk}-{n}@news.example",
            outlet=f"Outlet {i}",
            chapter=page.chapter,
        )
        OutreachEntry.objects.create(
            page=page, contact=contact, kind="replied", happened_at=timezone.now()
        )
        Clipping.objects.create(
            page=page,
            outlet=f"Outlet {i}",
            published_on=timezone.localdate(),
            url=f"https://news.example/{i}",
            headline=f"Story {i}",
        )
        author = MembershipFactory(chapter=page.chapter).user
        Quote.objects.create(
            page=page,
            author=author,
            text=f"Q{i}",
            attribution=f"A{i}",
            consented_at=timezone.now(),
        )


def test_page_dashboard_query_count_is_constant(
    client, leader, chapter_page, django_assert_num_queries
):
    client.force_login(leader)
    url = reverse("press:page", args=[chapter_page.pk])
    posts_suggest(page=chapter_page, by=leader)
    grow(chapter_page, 1, leader)
    few = count_queries(client, url)
    grow(chapter_page, 12, leader)
    assert count_queries(client, url) == few
    with django_assert_num_queries(few):
        client.get(url)


def test_public_page_query_count_is_constant(client, chapter_page, leader):
    url = reverse("press:public", args=[chapter_page.slug])
    grow(chapter_page, 1, leader)
    few = count_queries(client, url)
    grow(chapter_page, 12, leader)
    assert count_queries(client, url) == few
    assert few <= 6


def test_press_list_and_kit_home_query_counts_are_constant(client, staff, chapter_page, leader):
    client.force_login(staff)
    grow(chapter_page, 1, leader)
    few = [count_queries(client, reverse(name)) for name in ("press:contacts", "press:home")]
    grow(chapter_page, 12, leader)
    assert [
        count_queries(client, reverse(name)) for name in ("press:contacts", "press:home")
    ] == few


def test_social_posts_render_in_constant_queries(
    chapter_page, leader, django_assert_max_num_queries
):
    from press.social import render_posts

    posts_suggest(page=chapter_page, by=leader)
    posts = list(SocialPost.objects.filter(page=chapter_page))
    with django_assert_max_num_queries(1):
        render_posts(chapter_page, posts)

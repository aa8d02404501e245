"""Suggested posts: counted against each network's limit, share links, handles, clicks."""

from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

from press import social
from press.models import Platform, SocialPost


def test_suggested_posts_one_per_network_with_hashtag_handles_and_short_link(
    national_page, staff, meeting, senator
):
    senator.social = {"twitter": "SenLarsen", "mastodon": "@larsen@mastodon.social"}
    senator.save()
    assert social.posts_suggest(page=national_page, by=staff) == 6
    assert social.posts_suggest(page=national_page, by=staff) == 0
    shown = {
        v.post.platform: v for v in social.render_posts(national_page, national_page.posts.all())
    }
    x = shown[Platform.X]
    assert "@SenLarsen" in x.text and "#DayOfAction" in x.text
    assert social.short_url(x.post) in x.text
    assert x.length <= x.limit == 280 and not x.over_by
    assert "@larsen@mastodon.social" in shown[Platform.MASTODON].text
    assert "@SenLarsen" not in shown[Platform.BLUESKY].text  # no Bluesky handles in the data
    query = parse_qs(urlsplit(x.share_url).query)
    assert query["text"] == [x.text]
    assert shown[Platform.INSTAGRAM].share_url == ""


def test_x_counts_a_link_as_23_characters():
    text = "Join us https://example.org/a/very/long/address/that/goes/on/and/on/and/on"
    assert social.counted_length(text, Platform.X) == len("Join us ") + 23
    assert social.counted_length(text, Platform.BLUESKY) == len(text)


def test_a_post_over_its_limit_is_flagged(client, staff, national_page):
    post = SocialPost.objects.create(page=national_page, platform=Platform.X, text="Hi")
    client.force_login(staff)
    response = client.post(
        reverse("press:post_edit", args=[post.pk]), {"text": "word " * 70}, follow=True
    )
    html = response.content.decode()
    assert "characters over its limit of 280" in html
    assert "press-count--over" in html


def test_a_post_with_an_unknown_field_is_refused(client, staff, national_page):
    post = SocialPost.objects.create(page=national_page, platform=Platform.X, text="Hi")
    client.force_login(staff)
    response = client.post(
        reverse("press:post_edit", args=[post.pk]), {"text": "See {{ lnk }}"}, follow=True
    )
    assert "Did you mean {{ link }}?" in response.content.decode()
    post.refresh_from_db()
    assert post.text == "Hi"


def test_short_link_counts_clicks_and_goes_to_the_page(client, national_page):
    post = SocialPost.objects.create(page=national_page, platform=Platform.BLUESKY, text="Hi")
    response = client.get(reverse("press:short_link", args=[post.code]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("press:public", args=[national_page.slug]))
    client.get(reverse("press:short_link", args=[post.code]))
    post.refresh_from_db()
    assert post.clicks == 2
    assert client.get(reverse("press:short_link", args=["nope"])).status_code == 404


def test_visitors_get_share_links_for_the_page(client, national_page):
    html = client.get(reverse("press:public", args=[national_page.slug])).content.decode()
    assert "https://bsky.app/intent/compose?text=" in html
    assert "https://www.facebook.com/sharer/sharer.php?u=" in html

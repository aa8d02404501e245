"""Who may see and change each page of the kit: one row per view, one answer per role."""

import pytest
from django.urls import reverse

from press.models import MediaContact, PressRelease, ReleaseKind, SocialPost
from tests.permissions import LOGIN, assert_status, matrix

# The chapter page belongs to `leader`'s chapter; the national page is staff's.
PAGES = {
    #                      anonymous member leader other_leader staff
    "kit_home": (LOGIN, 403, 200, 200, 200),
    "contacts": (LOGIN, 403, 200, 200, 200),
    "chapter_page": (LOGIN, 403, 200, 403, 200),
    "chapter_page_edit": (LOGIN, 403, 200, 403, 200),
    "national_page": (LOGIN, 403, 403, 403, 200),
    "chapter_release": (LOGIN, 403, 200, 403, 200),
    "national_release": (LOGIN, 403, 403, 403, 200),
    "chapter_release_text": (LOGIN, 403, 200, 403, 200),
    "public": (200, 200, 200, 200, 200),
    "draft_public": (404, 404, 200, 404, 200),
    "share_image": (200, 200, 200, 200, 200),
    "calendar": (200, 200, 200, 200, 200),
    "contribute": (LOGIN, 200, 200, 403, 200),
    "card_make": (LOGIN, 403, 403, 403, 403),
    "chapter_contact": (LOGIN, 403, 200, 403, 200),
    "contacts_import": (LOGIN, 403, 302, 302, 302),
}
CHANGES = {
    "chapter_publish": (LOGIN, 403, 302, 403, 302),
    "national_publish": (LOGIN, 403, 403, 403, 302),
    "chapter_release_approve": (LOGIN, 403, 403, 403, 302),
    "chapter_posts": (LOGIN, 403, 302, 403, 302),
    "chapter_release_start": (LOGIN, 403, 302, 403, 302),
    "chapter_outreach": (LOGIN, 403, 400, 403, 400),
    "chapter_clipping": (LOGIN, 403, 400, 403, 400),
    "chapter_page_edit": (LOGIN, 403, 200, 403, 200),
    "quote_give": (LOGIN, 400, 400, 403, 400),
    "available": (LOGIN, 400, 400, 403, 400),
}


@pytest.fixture
def draft_page(event, other_chapter, staff, chapter_page):
    from press.services import page_create

    # A chapter page of `leader`'s chapter for another day, not yet published.
    from tests.factories import EventFactory

    page = page_create(by=staff, event=EventFactory(), chapter=chapter_page.chapter)
    return page


@pytest.fixture
def urls(national_page, chapter_page, draft_page, meeting, chapter):
    contact = MediaContact.objects.create(
        name="Rosa", email="rosa@news.example", outlet="Telemundo", chapter=chapter
    )
    chapter_release = PressRelease.objects.create(
        page=chapter_page,
        kind=ReleaseKind.BEFORE,
        title="t",
        body="b",
        embargo_until=meeting.starts_at,
    )
    national_release = PressRelease.objects.create(
        page=national_page,
        kind=ReleaseKind.BEFORE,
        title="t",
        body="b",
        embargo_until=meeting.starts_at,
    )
    return {
        "kit_home": reverse("press:home"),
        "contacts": reverse("press:contacts"),
        "chapter_page": reverse("press:page", args=[chapter_page.pk]),
        "chapter_page_edit": reverse("press:page_edit", args=[chapter_page.pk]),
        "national_page": reverse("press:page", args=[national_page.pk]),
        "chapter_release": reverse("press:release", args=[chapter_release.pk]),
        "national_release": reverse("press:release", args=[national_release.pk]),
        "chapter_release_text": reverse("press:release_text", args=[chapter_release.pk]),
        "public": reverse("press:public", args=[chapter_page.slug]),
        "draft_public": reverse("press:public", args=[draft_page.slug]),
        "share_image": reverse("press:share_image", args=[chapter_page.slug]),
        "calendar": reverse("press:calendar", args=[chapter_page.slug]),
        "contribute": reverse("press:contribute", args=[chapter_page.slug]),
        "card_make": reverse("press:card_make", args=[meeting.pk]),
        "chapter_publish": reverse("press:page_publish", args=[chapter_page.pk]),
        "national_publish": reverse("press:page_publish", args=[national_page.pk]),
        "chapter_release_approve": reverse("press:release_approve", args=[chapter_release.pk]),
        "chapter_posts": reverse("press:posts_suggest", args=[chapter_page.pk]),
        "chapter_release_start": reverse(
            "press:release_start", args=[chapter_page.pk, ReleaseKind.BEFORE]
        ),
        "chapter_outreach": reverse("press:outreach_add", args=[chapter_page.pk]),
        "chapter_clipping": reverse("press:clipping_add", args=[chapter_page.pk]),
        "chapter_contact": reverse("press:contact", args=[contact.pk]),
        "contacts_import": reverse("press:contacts_import"),
        "quote_give": reverse("press:quote_give", args=[chapter_page.slug]),
        "available": reverse("press:available", args=[chapter_page.slug]),
    }


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_press_pages_permissions(client_as, urls, view, role, expected):
    assert_status(client_as(role).get(urls[view]), expected)


@pytest.mark.parametrize(("view", "role", "expected"), matrix(CHANGES))
def test_press_changes_permissions(client_as, urls, view, role, expected):
    assert_status(client_as(role).post(urls[view], {"published": "1"}), expected)


def test_post_edit_is_for_the_pages_managers_only(client_as, chapter_page):
    post = SocialPost.objects.create(page=chapter_page, platform="x", text="Hello")
    url = reverse("press:post_edit", args=[post.pk])
    assert client_as("other_leader").post(url, {"text": "Hijacked"}).status_code == 403
    post.refresh_from_db()
    assert post.text == "Hello"

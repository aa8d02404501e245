"""The press kit's main pages under axe-core, at 1280 and 390 wide, and their touch targets on
a phone: the public page (and a coalition event's, with its RSVP form), a participant's card
and contributions, the leader's kit, dashboard, release and press list."""

import pytest

from press import releases, services, social
from press.models import MediaContact, ReleaseKind
from tests.e2e.accessibility import axe_violations, blocking, describe
from tests.e2e.demo_world import PASSWORD, demo_world
from tests.e2e.pages import log_in
from tests.e2e.test_accessibility_seats import SMALL_TARGETS_JS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def press_world():
    world = demo_world()
    chapter_page = services.page_create(by=world.chair, event=world.event, chapter=world.chapter)
    chapter_page.partners = "Faith in Action\nLa Raza Legal Aid"
    chapter_page.hashtag = "DayOfAction"
    chapter_page.save()
    services.page_publish(page=chapter_page, published=True)
    forum_page = services.page_create(by=world.chair, coalition_event=world.forum)
    services.page_publish(page=forum_page, published=True)
    social.posts_suggest(page=chapter_page, by=world.chair)
    release = releases.release_create(page=chapter_page, kind=ReleaseKind.BEFORE, by=world.chair)
    MediaContact.objects.create(
        name="Rosa Díaz", email="rosa@telemundo.example", outlet="Telemundo",
        chapter=world.chapter, language="Spanish", is_ethnic_media=True,
    )  # fmt: skip
    card = services.card_make(meeting=world.member_meeting, user=world.member, show_name=False)
    urls = {
        "anonymous": [
            f"/press/e/{chapter_page.slug}/",
            f"/press/e/{forum_page.slug}/",
            f"/press/cards/{card.code}/",
        ],
        "member": [
            f"/press/e/{chapter_page.slug}/contribute/",
            f"/press/meetings/{world.member_meeting.pk}/card/",
        ],
        "leader": [
            "/press/",
            f"/press/pages/{chapter_page.pk}/",
            f"/press/pages/{chapter_page.pk}/edit/",
            f"/press/releases/{release.pk}/",
            "/press/contacts/",
        ],
    }
    people = {"anonymous": None, "member": world.member, "leader": world.chair}
    return urls, people


@pytest.mark.parametrize("phone", [False, True], ids=["1280", "390"])
def test_press_pages_have_no_serious_axe_violation_and_44px_targets(open_page, phone):
    urls, people = press_world()
    failures, small = [], {}
    for role, user in people.items():
        page = open_page(phone=phone)
        if user is not None:
            log_in(page, email=user.email, password=PASSWORD)
            page.wait_for_url("/")
        for url in urls[role]:
            response = page.goto(url)
            assert response.status == 200, url
            failures += describe(url, blocking(axe_violations(page)))
            if phone:
                found = page.evaluate(SMALL_TARGETS_JS)
                if found:
                    small[url] = found
    assert failures == []
    assert small == {}

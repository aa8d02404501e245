"""Issue 17's pages on a phone: 44 px touch targets for the member, the leader and the
public find-your-chapter page."""

import pytest

from lawmakers.models import ZipDistrict
from tests.e2e.demo_world import PASSWORD, demo_world
from tests.e2e.pages import log_in
from tests.e2e.test_accessibility_seats import SMALL_TARGETS_JS
from tests.trainings.factories import SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_trainings_and_joining_pages_have_44px_targets_on_a_phone(open_page):
    world = demo_world()
    event, chapter = world.event.slug, world.chapter.slug
    training = SessionFactory(chapter=world.chapter, counts_for=[world.event])
    ZipDistrict.objects.get_or_create(zcta="55401", state="MN", district=5)
    small = {}
    public = open_page(phone=True)
    for url in ("/find-your-chapter/", "/find-your-chapter/?zip=55401"):
        public.goto(url)
        small[url] = public.evaluate(SMALL_TARGETS_JS)
    for person, urls in (
        (world.member, ["/trainings/", f"/trainings/{training.pk}/", f"/events/{event}/"]),
        (
            world.chair,
            [
                "/trainings/new/",
                f"/trainings/{training.pk}/attendance/",
                f"/trainings/events/{event}/checklist/",
                f"/trainings/events/{event}/mentors/",
                f"/find-your-chapter/chapters/{chapter}/requests/",
            ],
        ),
    ):
        page = open_page(phone=True)
        log_in(page, email=person.email, password=PASSWORD)
        page.wait_for_url("/")
        for url in urls:
            page.goto(url)
            small[url] = page.evaluate(SMALL_TARGETS_JS)
    assert {url: found for url, found in small.items() if found} == {}

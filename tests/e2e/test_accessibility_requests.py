"""Office requests on a phone: 44 px touch targets on the leader's pages and the office's
reply page, the radio answers' labels included (axe checks that every control is named)."""

import pytest

from meetings.models import Meeting, MeetingStatus
from officerequests.links import reply_token
from tests.e2e.demo_world import PASSWORD, demo_world
from tests.e2e.pages import log_in
from tests.e2e.test_accessibility_seats import SMALL_TARGETS_JS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SMALL_RADIO_LABELS_JS = """
() => [...document.querySelectorAll("label:has(input[type=radio])")]
  .filter((el) => el.offsetParent !== null)
  .map((el) => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect().height])
  .filter(([, height]) => height < 44)
"""


def _small(page) -> list:
    return page.evaluate(SMALL_TARGETS_JS) + page.evaluate(SMALL_RADIO_LABELS_JS)


def test_request_pages_have_44px_targets_on_a_phone(open_page):
    world = demo_world()
    event, chapter = world.event.slug, world.chapter.slug
    asked = Meeting.objects.filter(
        event=world.event, chapter=world.chapter, status=MeetingStatus.REQUESTED
    ).first()
    small = {}
    office = open_page(phone=True)
    token = reply_token(meeting_id=asked.pk, lawmaker_id=asked.lawmaker_id)
    reply = f"/office-requests/reply/{token}/"
    office.goto(reply)
    small[reply] = _small(office)

    leader = open_page(phone=True)
    log_in(leader, email=world.chair.email, password=PASSWORD)
    leader.wait_for_url("/")
    for url in (
        f"/office-requests/events/{event}/{chapter}/",
        f"/office-requests/events/{event}/{chapter}/offices/{asked.lawmaker_id}/",
        f"/office-requests/lawmakers/{asked.lawmaker.public_id}/contacts/",
    ):
        leader.goto(url)
        small[url] = _small(leader)
    assert {url: found for url, found in small.items() if found} == {}

"""axe-core over the main pages of each role, at 1280 and 390 wide: no serious or critical
violation of WCAG 2.2 A/AA. The failure lists the page and the rule."""

import pytest

from lawmakers.models import ZipDistrict
from meetings.models import Meeting, MeetingStatus
from officerequests.links import reply_token
from tests.e2e.accessibility import axe_violations, blocking, describe
from tests.e2e.demo_world import PASSWORD, DemoWorld, demo_world
from tests.e2e.pages import log_in
from tests.trainings.factories import SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = ["anonymous", "member", "leader", "staff"]


def main_pages(world: DemoWorld, role: str) -> list[str]:
    event, chapter = world.event.slug, world.chapter.slug
    asked = (
        Meeting.objects.filter(
            event=world.event, chapter=world.chapter, status=MeetingStatus.REQUESTED
        )
        .select_related("lawmaker")
        .first()
    )
    reply = reply_token(meeting_id=asked.pk, lawmaker_id=asked.lawmaker_id)
    # Issue 17's pages: a required training and a ZIP code the find page knows.
    training = SessionFactory(
        title="Lobby day training", chapter=world.chapter, counts_for=[world.event]
    )
    ZipDistrict.objects.get_or_create(zcta="55401", state="MN", district=5)
    return {
        "anonymous": [
            "/",
            "/accounts/login/",
            "/accounts/signup/",
            "/accounts/password/reset/",
            f"/office-requests/reply/{reply}/",
            "/find-your-chapter/",
            "/find-your-chapter/?zip=55401",
        ],
        "member": [
            "/",
            f"/events/{event}/",
            f"/events/{event}/meetings/",
            f"/events/{event}/itinerary/",
            f"/talking-points/events/{event}/packet/",
            f"/reports/meetings/{world.led_meeting.pk}/",
            "/lawmakers/",
            f"/lawmakers/{world.member_meeting.lawmaker.public_id}/",
            "/profile/",
            "/trainings/",
            f"/trainings/{training.pk}/",
        ],
        "leader": [
            f"/events/{event}/chapters/{chapter}/board/",
            f"/meetings/{world.member_meeting.pk}/manage/",
            f"/reports/events/{event}/chapters/{chapter}/",
            f"/chapters/{chapter}/",
            f"/chapters/{chapter}/invitations/",
            f"/coalitions/events/{world.forum.pk}/",
            f"/coalitions/events/{world.forum.pk}/check-in/",
            f"/office-requests/events/{event}/{chapter}/",
            f"/office-requests/events/{event}/{chapter}/offices/{asked.lawmaker_id}/",
            f"/office-requests/lawmakers/{asked.lawmaker.public_id}/contacts/",
            "/trainings/new/",
            f"/trainings/{training.pk}/attendance/",
            f"/trainings/events/{event}/checklist/",
            f"/trainings/events/{event}/mentors/",
            f"/find-your-chapter/chapters/{chapter}/requests/",
        ],
        "staff": [
            f"/reports/events/{event}/",
            "/reports/exports/",
            "/outbox/",
            "/chapters/",
        ],
    }[role]


def person(world: DemoWorld, role: str):
    return {"member": world.member, "leader": world.chair, "staff": world.staff}.get(role)


@pytest.mark.parametrize("phone", [False, True], ids=["1280", "390"])
@pytest.mark.parametrize("role", ROLES)
def test_main_pages_have_no_serious_axe_violation(open_page, role, phone):
    world = demo_world()
    page = open_page(phone=phone)
    user = person(world, role)
    if user is not None:
        log_in(page, email=user.email, password=PASSWORD)
        page.wait_for_url("/")
    failures = []
    for url in main_pages(world, role):
        response = page.goto(url)
        assert response.status == 200, url
        failures += describe(url, blocking(axe_violations(page)))
    assert failures == []

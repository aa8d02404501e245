"""A hybrid day in Chromium: a member in California sees her video meeting on her own clock
with Washington's beside it, joins by the button, and her calendar says the same.
Then axe-core and 44 px targets on the pages this issue added to."""

import datetime
import re
import zoneinfo

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chapters.models import Role
from events.models import EventFormat
from meetings.models import Meeting, MeetingMode, Seat, SeatStatus
from members.services import profile_for
from tests.e2e.accessibility import axe_violations, blocking, describe
from tests.e2e.pages import log_in, message
from tests.e2e.test_accessibility_requests import SMALL_RADIO_LABELS_JS
from tests.e2e.test_accessibility_seats import SMALL_TARGETS_JS
from tests.factories import PASSWORD, ChapterFactory, EventFactory, MembershipFactory
from tests.meetings.factories import LawmakerFactory, MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WASHINGTON = zoneinfo.ZoneInfo("America/New_York")
CALIFORNIA = zoneinfo.ZoneInfo("America/Los_Angeles")
ZOOM = "https://us02web.zoom.us/j/85512345678"


def hybrid_day():
    """Today, in Washington: a call five minutes from now, then an office visit."""
    now = timezone.now()
    call_at = (now + datetime.timedelta(minutes=5)).replace(second=0, microsecond=0)
    event = EventFactory(
        name="Hybrid Day of Action",
        slug="hybrid-day",
        format=EventFormat.HYBRID,
        date=timezone.localdate(now, WASHINGTON),
        day_starts=datetime.time(0, 0),
        day_ends=datetime.time(23, 55),
    )
    chapter = ChapterFactory(name="Southern California", slug="socal", states=["CA"])
    member = MembershipFactory(chapter=chapter, role=Role.MEMBER).user
    member.first_name, member.last_name = "Rosa", "Alvarez"
    member.save()
    leader = MembershipFactory(chapter=chapter, role=Role.CHAIR).user
    profile = profile_for(user=member)
    profile.state = "CA"
    profile.save()
    call = MeetingFactory(
        event=event,
        chapter=chapter,
        lawmaker=LawmakerFactory(first_name="Alex", last_name="Padilla", full_name="Alex Padilla"),
        starts_at=call_at,
        ends_at=call_at + datetime.timedelta(minutes=20),
        mode=MeetingMode.VIDEO,
        building="",
        room="",
        join_url=ZOOM,
        huddle_url="https://video.example.org/huddle-abc",
    )
    visit = MeetingFactory(
        event=event,
        chapter=chapter,
        lawmaker=LawmakerFactory(first_name="Ann", last_name="Lind", full_name="Ann Lind"),
        starts_at=call_at + datetime.timedelta(hours=3),
        ends_at=call_at + datetime.timedelta(hours=3, minutes=20),
    )
    for meeting in (call, visit):
        Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)
    return event, chapter, member, leader, call


def clock(moment, zone):
    return moment.astimezone(zone).strftime("%-I:%M %p")


def test_california_member_joins_her_video_meeting_on_her_own_clock(open_page):
    event, _, member, _, call = hybrid_day()
    page = open_page()
    # No outside network in tests: the provider's page is answered here.
    page.context.route(
        re.compile(r"https://us02web\.zoom\.us/.*"),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>Zoom</h1>"),
    )
    log_in(page, email=member.email, password=PASSWORD)
    page.wait_for_url("/")

    page.goto(f"/events/{event.slug}/itinerary/")
    stop = page.locator(".stop").filter(has_text="Alex Padilla")
    mine, washington = clock(call.starts_at, CALIFORNIA), clock(call.starts_at, WASHINGTON)
    expect(stop.locator(".stop__time strong")).to_have_text(mine)
    expect(stop).to_contain_text(f"{mine} your time · {washington} in Washington")
    expect(stop).to_contain_text("Team huddle")
    join = stop.get_by_role("link", name=re.compile(r"^Join the Zoom call"))
    expect(join).to_be_visible()
    with page.expect_popup() as opened:
        join.click()
    assert opened.value.url == ZOOM

    response = page.request.get("/calendar/my-meetings.ics")
    assert response.status == 200
    entries = {
        str(entry["summary"]): entry
        for entry in icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    }
    entry = entries["Meeting with Senator Alex Padilla"]
    start = entry.decoded("dtstart")
    assert start == call.starts_at
    assert (str(start.tzinfo), start.strftime("%-I:%M %p")) == ("America/Los_Angeles", mine)
    conference = entry["conference"]
    assert str(conference) == ZOOM and conference.params["LABEL"] == "Zoom"
    assert str(entry["url"]) == ZOOM
    assert f"{mine} your time · {washington} in Washington" in str(entry["description"])


@pytest.mark.parametrize("phone", [False, True], ids=["1280", "390"])
def test_virtual_day_pages_have_no_serious_axe_violation(open_page, phone):
    event, chapter, member, leader, call = hybrid_day()
    failures, small = [], {}
    for user, urls in (
        (member, [f"/events/{event.slug}/itinerary/", "/profile/edit/"]),
        (
            leader,
            [
                f"/events/{event.slug}/chapters/{chapter.slug}/board/?zone=mine",
                f"/events/{event.slug}/chapters/{chapter.slug}/meetings/new/",
                f"/meetings/{call.pk}/manage/",
            ],
        ),
    ):
        page = open_page(phone=phone)
        log_in(page, email=user.email, password=PASSWORD)
        page.wait_for_url("/")
        for url in urls:
            response = page.goto(url)
            assert response.status == 200, url
            failures += describe(url, blocking(axe_violations(page)))
            if phone:
                small[url] = page.evaluate(SMALL_TARGETS_JS) + page.evaluate(SMALL_RADIO_LABELS_JS)
    assert failures == []
    assert {url: found for url, found in small.items() if found} == {}


def test_leader_sets_up_a_video_meeting_and_the_form_shows_what_a_call_needs(open_page):
    event, chapter, _, leader, _ = hybrid_day()
    office = LawmakerFactory(first_name="Mia", last_name="Vo", full_name="Mia Vo", state="CA")
    page = open_page()
    log_in(page, email=leader.email, password=PASSWORD)
    page.wait_for_url("/")
    page.goto(f"/events/{event.slug}/chapters/{chapter.slug}/meetings/new/?lawmaker={office.pk}")

    expect(page.get_by_label("Join link")).to_be_hidden()
    expect(page.get_by_label("Room")).to_be_visible()
    page.get_by_label("Video call").check()
    expect(page.get_by_label("Room")).to_be_hidden()
    page.get_by_label("Join link").fill("http://zoom.us/j/1")
    page.get_by_label("Starts at").fill("23:00")
    page.get_by_role("button", name="Schedule it").click()
    expect(page.get_by_text("must start with https://")).to_be_visible()
    expect(page.get_by_label("Join link")).to_have_value("http://zoom.us/j/1")

    page.get_by_label("Join link").fill(ZOOM)
    page.get_by_role("button", name="Schedule it").click()
    expect(message(page, "is on the board")).to_be_visible()
    meeting = Meeting.objects.get(lawmaker=office)
    assert (meeting.mode, meeting.join_url, meeting.building) == (MeetingMode.VIDEO, ZOOM, "")

"""Staff plan the day in Chromium, the solver runs in the real worker, a member sees the result.

Staff add the Judiciary committee's members as must offices, make a plan, read
what it proves and its summary, and accept one chapter's part. A member of that
chapter then finds the new meetings in their itinerary and their calendar feed,
and the other chapter's part stays a proposal. The acceptance runs in the worker
while the page follows it, and each member of the accepted part gets one email
with their whole day and its calendar file (not one per seat).
"""

import icalendar
import pytest
from playwright.sync_api import expect

from chapters.models import Role
from events.models import Registration
from lawmakers.models import Committee, CommitteeSeat
from meetings.models import Meeting
from planner.models import PlanRules, ProposedMeeting
from tests.e2e.pages import log_in, message
from tests.factories import PASSWORD, ChapterFactory, EventFactory, MembershipFactory, StaffFactory
from tests.lawmakers.factories import LawmakerFactory, SenatorFactory, ZipDistrictFactory

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def resident(chapter, first_name, state, zip_code, first_time=False):
    user = MembershipFactory(
        chapter=chapter,
        role=Role.MEMBER,
        user__first_name=first_name,
        user__last_name="Example",
        user__email=f"{first_name.lower()}@example.org",
    ).user
    profile = user.profile
    profile.state, profile.zip_code, profile.first_time_advocate = state, zip_code, first_time
    profile.save()
    return user


@pytest.fixture
def day():
    event = EventFactory(name="National Day of Action", slug="ndoa")
    minnesota = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN"])
    tennessee = ChapterFactory(name="Tennessee", slug="tennessee", states=["TN"])
    ZipDistrictFactory(zcta="55401", state="MN", district=5)
    ZipDistrictFactory(zcta="37203", state="TN", district=5)
    SenatorFactory(first_name="Amy", last_name="Larsen", full_name="Amy Larsen", state="MN")
    LawmakerFactory(first_name="Ilhan", last_name="Osei", full_name="Ilhan Osei", state="MN")
    SenatorFactory(first_name="Bill", last_name="Hale", full_name="Bill Hale", state="TN")
    judge = LawmakerFactory(
        first_name="Jo", last_name="Jurist", full_name="Jo Jurist", state="CA", district="12"
    )
    judiciary = Committee.objects.create(
        code="HSJU", name="Committee on the Judiciary", kind="house"
    )
    CommitteeSeat.objects.create(committee=judiciary, lawmaker=judge)
    people = [
        resident(minnesota, "Maren", "MN", "55401"),
        resident(minnesota, "Nils", "MN", "55401", first_time=True),
        resident(tennessee, "Tess", "TN", "37203"),
        resident(tennessee, "Tom", "TN", "37203"),
    ]
    for person in people:
        Registration.objects.create(event=event, user=person)
    PlanRules.objects.create(event=event, team_min=1, team_max=3)
    return event, minnesota, people


def test_staff_plan_the_day_and_accept_one_chapter(open_page, celery_worker, smtp_sink, day):
    event, minnesota, (maren, *_) = day
    staff = StaffFactory(first_name="Sam")
    page = open_page()
    log_in(page, email=staff.email, password=PASSWORD)

    page.goto(f"/events/{event.slug}/")
    page.get_by_role("link", name="Plan the day").click()
    expect(page.get_by_role("heading", name="Plan the day")).to_be_visible()

    targets = page.locator("form", has=page.get_by_role("button", name="Add their offices"))
    targets.get_by_label("Committees").select_option(label="House: Committee on the Judiciary")
    targets.get_by_label("Priority").select_option("must")
    targets.get_by_role("button", name="Add their offices").click()
    expect(message(page, "1 offices of those committees are targets now.")).to_be_visible()
    expect(page.locator("#targets")).to_contain_text("Jurist")

    page.get_by_label("Time limit (seconds)").fill("10")
    page.get_by_role("button", name="Make a plan").click()
    expect(message(page, "The plan is being made")).to_be_visible()
    # The worker solves it; the page follows the run and reloads when it is done.
    expect(page.get_by_text("Optimal: no better plan exists under these rules.")).to_be_visible(
        timeout=60_000
    )
    summary = page.locator(".stats").last
    expect(summary).to_contain_text("Must offices planned")
    expect(summary).to_contain_text("1/1")
    expect(summary).to_contain_text("meetings per person (min / median / max)")

    page.get_by_role("button", name="Accept Minnesota/Dakotas's part").click()
    expect(message(page, "The plan is being accepted")).to_be_visible()
    # The worker accepts it; the page follows and shows what it made.
    expect(page.get_by_text("Accepted: ")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("2 people were sent their new day.")).to_be_visible()
    ours = Meeting.objects.filter(event=event)
    assert ours.count() >= 2
    assert set(ours.values_list("chapter_id", flat=True)) == {minnesota.pk}
    assert (
        ProposedMeeting.objects.filter(accepted=False, is_pinned=False)
        .exclude(chapter=minnesota)
        .exists()
    )

    member_page = open_page(phone=True)
    log_in(member_page, email=maren.email, password=PASSWORD)
    member_page.goto(f"/events/{event.slug}/itinerary/")
    mine = Meeting.objects.filter(seat_set__user=maren).select_related("lawmaker")
    assert mine
    for meeting in mine:
        expect(member_page.get_by_text(meeting.lawmaker.full_name).first).to_be_visible()
    feed = member_page.request.get("/calendar/my-meetings.ics")
    assert feed.ok
    summaries = [
        str(entry.get("summary"))
        for entry in icalendar.Calendar.from_ical(feed.body()).walk("VEVENT")
    ]
    for meeting in mine:
        assert any(meeting.lawmaker.full_name in text for text in summaries)

    day = smtp_sink.wait_for(to=maren.email, subject_contains="Your day at National Day of Action")
    assert len([m for m in smtp_sink.messages() if str(m["To"]) == maren.email]) == 1
    (attachment,) = list(day.iter_attachments())
    entries = icalendar.Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert len(entries) == len(mine)

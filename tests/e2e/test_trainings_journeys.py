"""Issue 17 in the browser: a newcomer finds their chapter from a ZIP code and asks to join
(the leader is mailed by the real worker and approves); a first-timer takes the required
training, checks in with the code, can then take a seat, and sees her mentor."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chapters.models import Membership, Role
from lawmakers.models import ZipDistrict
from meetings.models import Seat, SeatStatus
from tests.e2e.mailbox import link_in
from tests.e2e.pages import log_in, message
from tests.factories import PASSWORD, ChapterFactory, EventFactory, MembershipFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory
from tests.trainings.factories import SessionFactory
from trainings.models import Mentorship, MentorshipStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.worker
def test_a_newcomer_finds_the_chapter_from_a_zip_and_the_leader_approves(
    open_page, celery_worker, smtp_sink, live_site
):
    ZipDistrict.objects.create(zcta="55401", state="MN", district=5)
    LawmakerFactory(first_name="Amy", last_name="Larsen", state="MN")
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN", "ND"])
    leader = MembershipFactory(chapter=chapter, role=Role.CHAIR, user__first_name="Lena").user
    newcomer = MembershipFactory(  # an account already, in another chapter
        chapter=ChapterFactory(name="Tennessee", states=["TN"]), user__first_name="Sam"
    ).user

    page = open_page(phone=True)
    page.goto("/")
    page.locator("main").get_by_role("link", name="Find your chapter").click()
    page.get_by_label("Your ZIP code").fill("55401")
    page.get_by_role("button", name="Find my chapter").click()
    expect(page.get_by_role("heading", name="ZIP code 55401, MN")).to_be_visible()
    expect(page.get_by_text("Amy Larsen")).to_be_visible()
    page.get_by_role("link", name="Log in").last.click()
    page.get_by_label("Email").fill(newcomer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Join Minnesota/Dakotas")).to_be_visible()
    page.get_by_role("button", name="Ask to join Minnesota/Dakotas").click()
    expect(message(page, "Your request to join Minnesota/Dakotas is sent")).to_be_visible()

    email = smtp_sink.wait_for(
        to=leader.email, subject_contains="asks to join Minnesota/Dakotas", timeout=30
    )
    link = link_in(email, containing="/requests/")
    leader_page = open_page()
    log_in(leader_page, email=leader.email, password=PASSWORD)
    leader_page.wait_for_url("/")
    leader_page.goto(link.removeprefix(live_site))
    leader_page.get_by_role("button", name=re.compile("^Approve")).click()
    expect(message(leader_page, "is a member now")).to_be_visible()

    assert Membership.objects.get(chapter=chapter, user=newcomer).role == Role.MEMBER
    smtp_sink.wait_for(to=newcomer.email, subject_contains="Welcome to Minnesota/Dakotas")


def test_a_first_timer_trains_checks_in_takes_a_seat_and_sees_her_mentor(open_page):
    event = EventFactory(name="National Day of Action", slug="national")
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN"])
    senator = LawmakerFactory(first_name="Amy", last_name="Larsen", state="MN")
    MeetingFactory(event=event, chapter=chapter, lawmaker=senator, starts_at=at(event, 10))
    first_timer = MembershipFactory(chapter=chapter, user__first_name="Nadia").user
    first_timer.profile.first_time_advocate, first_timer.profile.state = True, "MN"
    first_timer.profile.save()
    mentor = MembershipFactory(
        chapter=chapter, user__first_name="Olu", user__last_name="Bankole"
    ).user
    event.registrations.create(user=mentor)
    Mentorship.objects.create(
        event=event,
        chapter=chapter,
        mentor=mentor,
        mentee=first_timer,
        status=MentorshipStatus.CONFIRMED,
    )
    now = timezone.now()
    training = SessionFactory(
        title="Lobby day training",
        starts_at=now - datetime.timedelta(minutes=5),
        ends_at=now + datetime.timedelta(minutes=55),
        counts_for=[event],
        capacity=30,
    )

    page = open_page(phone=True)
    log_in(page, email=first_timer.email, password=PASSWORD)
    page.wait_for_url("/")
    page.goto("/events/national/meetings/")
    page.get_by_role("button", name=re.compile("^Take a seat")).first.click()
    expect(message(page, "requires Lobby day training")).to_be_visible()
    assert not Seat.objects.filter(user=first_timer).exists()

    page.goto("/trainings/")  # the Trainings page the message names (in the menu)
    page.get_by_role("link", name="Lobby day training").click()
    page.get_by_role("button", name="Sign up").click()
    expect(message(page, "You have a place in Lobby day training")).to_be_visible()
    page.get_by_label("Check-in code").fill("WRONG1")
    page.get_by_role("button", name="Check in").click()
    expect(page.get_by_text("not the session's check-in code")).to_be_visible()
    page.get_by_label("Check-in code").fill(training.check_in_code.lower())
    page.get_by_role("button", name="Check in").click()
    expect(message(page, "You are checked in")).to_be_visible()
    expect(page.get_by_role("link", name="Certificate of attendance (PDF)")).to_be_visible()

    page.goto("/events/national/meetings/")
    page.get_by_role("button", name=re.compile("^Take a seat")).first.click()
    expect(message(page, "You have a seat in the meeting with")).to_be_visible()
    assert Seat.objects.get(user=first_timer).status == SeatStatus.CONFIRMED

    page.goto("/events/national/itinerary/")
    expect(page.get_by_role("heading", name="Your mentor")).to_be_visible()
    expect(page.get_by_text("Olu Bankole")).to_be_visible()

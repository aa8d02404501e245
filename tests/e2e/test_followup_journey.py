"""Reminders and follow-up in real Chromium, through the real worker and SMTP sink.

A member takes a seat and gets the confirmation with its calendar file; the
day-before email's "I cannot come" link (no login) frees the seat and the
waitlisted colleague hears the seat is theirs; a lead reviews, edits and sends
the thank-you note to the office met.
"""

import datetime
import re

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chapters.models import Role
from lawmakers.models import Building
from meetings.models import Meeting, MeetingStatus, Seat, SeatStatus
from meetings.seats import seat_take
from outbox import services as outbox
from outbox.models import Email
from reports.models import MeetingReport, ReportStatus
from tests.e2e.mailbox import text_of
from tests.e2e.pages import log_in, message
from tests.factories import PASSWORD, ChapterFactory, EventFactory, MembershipFactory
from tests.meetings.factories import LawmakerFactory, MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CANCEL_LINK = re.compile(r"I cannot come \(frees the seat\): (\S+)")


@pytest.fixture
def lobby_day():
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN"])
    event = EventFactory(name="National Day of Action", slug="ndoa")
    starts = datetime.datetime.combine(event.date, datetime.time(10, 30), tzinfo=event.zone)
    meeting = MeetingFactory(
        event=event,
        chapter=chapter,
        lawmaker=LawmakerFactory(first_name="Ann", last_name="Lind", full_name="Ann Lind"),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=20),
        building=Building.HART,
        room="SH-309",
        seats=1,
        contact_name="Dana Whitfield",
        contact_email="dana.whitfield@senate.example.gov",
    )
    return chapter, meeting


def person(chapter, first_name, role=Role.MEMBER):
    return MembershipFactory(
        chapter=chapter,
        role=role,
        user__first_name=first_name,
        user__last_name="Example",
        user__email=f"{first_name.lower()}@example.org",
    ).user


def sign_in(page, user):
    log_in(page, email=user.email, password=PASSWORD)
    expect(page.get_by_role("heading", name=f"Hello, {user.first_name}")).to_be_visible()


def take_the_seat(page, meeting, *, expected: str):
    page.get_by_role("link", name="Lobby meetings").click()
    card = page.locator(f"#meeting-{meeting.pk}")
    card.get_by_role("button", name=re.compile(r"^(Take a seat|Join the waitlist)")).click()
    expect(message(page, expected)).to_be_visible()


def test_confirmation_then_day_before_cancel_link_frees_the_seat_for_the_waitlist(
    celery_worker, smtp_sink, open_page, lobby_day
):
    chapter, meeting = lobby_day
    ada, bea = person(chapter, "Ada"), person(chapter, "Bea")

    page = open_page()
    sign_in(page, ada)
    take_the_seat(page, meeting, expected="You have a seat in the meeting with Ann Lind")
    confirmation = smtp_sink.wait_for(to=ada.email, subject_contains="Signed up: Senator Ann Lind")
    [attachment] = list(confirmation.iter_attachments())
    assert attachment.get_filename() == "meeting.ics"
    entry = icalendar.Calendar.from_ical(attachment.get_content()).walk("VEVENT")[0]
    assert entry.decoded("dtstart") == meeting.starts_at
    assert "SH-309" in str(entry.get("location"))
    assert len([m for m in smtp_sink.messages() if str(m["To"]) == ada.email]) == 1

    phone = open_page(phone=True)
    sign_in(phone, bea)
    take_the_seat(phone, meeting, expected="waitlist")
    smtp_sink.wait_for(to=bea.email, subject_contains="On the waitlist: Senator Ann Lind")

    # The day before, at its time: the beat's dispatch finds Ada's reminder due.
    Email.objects.filter(kind="followup.day_before", to=ada.email).update(
        send_after=timezone.now()
    )
    assert outbox.emails_dispatch_due() == 1
    day_before = smtp_sink.wait_for(to=ada.email, subject_contains="Tomorrow")
    cancel_url = CANCEL_LINK.search(text_of(day_before)).group(1)

    anonymous = open_page(phone=True)  # the link works without logging in
    anonymous.goto(cancel_url)
    expect(anonymous.get_by_role("heading", name="Senator Ann Lind")).to_be_visible()
    expect(anonymous.get_by_text("SH-309")).to_be_visible()
    anonymous.get_by_role("button", name="Give up my seat").click()
    expect(anonymous.get_by_text("Your seat is given up")).to_be_visible()

    promoted = smtp_sink.wait_for(to=bea.email, subject_contains="A seat is yours")
    assert [part.get_filename() for part in promoted.iter_attachments()] == ["meeting.ics"]
    assert dict(Seat.objects.values_list("user__email", "status")) == {
        ada.email: SeatStatus.CANCELLED,
        bea.email: SeatStatus.CONFIRMED,
    }
    phone.get_by_role("link", name=re.compile(r"^My itinerary")).click()
    expect(phone.locator(".stop")).to_contain_text("SH-309")
    expect(phone.locator(".stop .badge", has_text="On the waitlist")).to_have_count(0)


def test_lead_reviews_edits_and_sends_the_thank_you(
    celery_worker, smtp_sink, open_page, lobby_day
):
    chapter, meeting = lobby_day
    ada = person(chapter, "Ada")
    seat_take(meeting_id=meeting.pk, user=ada, by_leader=True)
    Meeting.objects.filter(pk=meeting.pk).update(lead=ada, status=MeetingStatus.HELD)
    MeetingReport.objects.create(
        meeting=meeting,
        status=ReportStatus.FILED,
        filed_at=timezone.now(),
        met_name="Jordan Pike",
        met_title="Legislative Assistant",
        questions_promised="- the backlog figures for Minnesota",
    )

    page = open_page(phone=True)
    sign_in(page, ada)
    page.get_by_role("link", name=re.compile(r"^My itinerary")).click()
    page.get_by_role("link", name=re.compile(r"^Thank-you note")).click()
    expect(
        page.get_by_role("heading", name=re.compile("Thank-you to Senator Ann Lind"))
    ).to_be_visible()
    body = page.get_by_label("Body")
    expect(body).to_have_value(re.compile(r"^Dear Jordan Pike,"))
    expect(body).to_have_value(re.compile(r"Minnesota/Dakotas \(MN\)"))
    expect(body).to_have_value(re.compile(r"- the backlog figures for Minnesota"))
    body.fill(body.input_value() + "\nP.S. The figures you asked for are attached.\n")
    page.get_by_label("Subject").fill("Thank you for meeting us, Jordan")
    page.get_by_role("button", name="Send", exact=True).click()

    expect(
        message(page, "The thank-you to dana.whitfield@senate.example.gov is on its way.")
    ).to_be_visible()
    expect(page.get_by_text("Sent to dana.whitfield@senate.example.gov")).to_be_visible()
    note = smtp_sink.wait_for(
        to="dana.whitfield@senate.example.gov", subject_contains="Thank you for meeting us, Jordan"
    )
    assert note["Reply-To"] == ada.email
    assert "P.S. The figures you asked for are attached." in text_of(note)
    assert text_of(note).startswith("Dear Jordan Pike,")

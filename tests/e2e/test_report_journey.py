"""A meeting's lead files the report on a phone; staff see it on the dashboard and export it."""

import datetime
import re

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chapters.models import Role
from meetings.models import MeetingStatus, Seat, SeatStatus
from reports.models import MeetingReport, ReportStatus
from tests.e2e.pages import log_in, message
from tests.factories import PASSWORD, ChapterFactory, EventFactory, MembershipFactory, StaffFactory
from tests.meetings.factories import LawmakerFactory, MeetingFactory
from tests.talkingpoints.factories import AskFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lead_files_on_a_phone_and_staff_download_the_xlsx(open_page, tmp_path):
    chapter = ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN"])
    lead = MembershipFactory(chapter=chapter, role=Role.MEMBER, user__first_name="Dana").user
    staff = StaffFactory(first_name="Nadia")
    # Yesterday's day: a report is filed once its meeting has started.
    event = EventFactory(
        name="National Day of Action",
        slug="national",
        date=timezone.localdate() - datetime.timedelta(days=1),
    )
    ask = AskFactory(event=event, title="Cut the visa backlogs")
    senator = LawmakerFactory(first_name="Amy", last_name="Larsen", state="MN")
    meeting = MeetingFactory(
        event=event, chapter=chapter, lawmaker=senator, lead=lead, status=MeetingStatus.HELD,
        seats_taken=1,
    )  # fmt: skip
    Seat.objects.create(meeting=meeting, user=lead, status=SeatStatus.CONFIRMED)

    phone = open_page(phone=True)
    log_in(phone, email=lead.email, password=PASSWORD)
    phone.goto("/reports/")
    phone.get_by_role("link", name=re.compile("Write the report")).click()
    expect(
        phone.get_by_role("heading", name=re.compile("Report: Senator Amy Larsen"))
    ).to_be_visible()
    # Nothing is ticked for the delegation: they say who came and whom they met.
    expect(phone.get_by_label(re.compile("Dana"))).not_to_be_checked()
    phone.get_by_label(re.compile("Dana")).check()
    phone.get_by_label("Staff", exact=True).check()
    phone.get_by_label("Name of the person we met").fill("Jordan Lee")
    phone.get_by_label("Their title").fill("Legislative assistant")
    phone.locator("label.position-chip", has_text="Leaning yes").click()
    phone.get_by_label("Concerns raised").fill("Asked about the cost")
    # The draft saves itself a moment after typing stops.
    expect(phone.locator("[data-autosave-status]")).to_contain_text("Draft saved")
    assert MeetingReport.objects.get().status == ReportStatus.DRAFT
    phone.locator("input[name='follow_up-0-description']").fill("Send the backlog figures")
    phone.get_by_role("button", name="File the report").click()
    expect(message(phone, "Report filed")).to_be_visible()
    report = MeetingReport.objects.get()
    assert (report.status, report.met_name, report.filed_by) == ("filed", "Jordan Lee", lead)
    assert list(report.positions.values_list("ask_id", "position")) == [(ask.pk, "leaning_yes")]
    assert list(report.follow_up_items.values_list("description", flat=True)) == [
        "Send the backlog figures"
    ]

    desk = open_page()
    log_in(desk, email=staff.email, password=PASSWORD)
    desk.goto("/reports/events/national/")
    expect(desk.locator(".stat", has_text="filed")).to_contain_text("1 report filed")
    expect(desk.locator("svg.state-map title", has_text="MN: 1 met")).to_have_count(1)
    expect(desk.locator("svg rect title", has_text="Leaning yes: 1")).to_have_count(1)
    desk.get_by_role("link", name="Export reports").click()
    with desk.expect_download() as download:
        desk.get_by_role("button", name="Download Excel (.xlsx)").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    sheet = openpyxl.load_workbook(path, read_only=True).active
    header, row = list(sheet.iter_rows(values_only=True))
    record = dict(zip(header, row, strict=True))
    assert (record["meeting_id"], record["met_name"], record["report_status"]) == (
        meeting.pk,
        "Jordan Lee",
        "Filed",
    )

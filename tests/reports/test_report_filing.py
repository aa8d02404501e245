"""Filing a report: once the meeting has started, by the lead, a chapter leader or staff.

Everyone who may write the report may save a draft at any time; the form
ticks nobody and names nobody until someone does.
"""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from meetings.models import MeetingStatus, Seat, SeatStatus
from reports.models import MeetingReport, ReportStatus
from tests.factories import MembershipFactory, UserFactory
from tests.reports.conftest import report_post


@pytest.fixture
def seated(chapter, meeting):
    """A member with a confirmed seat who does not lead the meeting."""
    user = MembershipFactory(
        chapter=chapter, user=UserFactory(first_name="Sam", last_name="Seated")
    ).user
    Seat.objects.create(meeting=meeting, user=user, status=SeatStatus.CONFIRMED)
    return user


@pytest.fixture
def note_taker(chapter, meeting):
    user = MembershipFactory(chapter=chapter).user
    meeting.note_taker = user
    meeting.save()
    return user


@pytest.fixture
def people(delegate, seated, note_taker, leader, staff):
    return {
        "lead": delegate,
        "seated": seated,
        "note_taker": note_taker,
        "leader": leader,
        "staff": staff,
    }


def _file(client, meeting, person, attendee):
    client.force_login(person)
    return client.post(
        reverse("reports:report", args=[meeting.pk]),
        report_post(action="file", attendees=[attendee.pk]),
    )


@pytest.mark.parametrize("role", ["lead", "leader", "staff"])
def test_filing_before_the_meeting_starts_is_refused_even_to_those_who_file(
    client, meeting, people, delegate, role
):
    response = _file(client, meeting, people[role], delegate)

    assert response.status_code == 400
    page = response.content.decode()
    assert "You can file this report once the meeting has started at 10:00 AM" in page
    assert "Jordan Lee" in page  # what they typed is still there
    assert not MeetingReport.objects.exists()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CONFIRMED


@pytest.mark.parametrize(
    ("role", "filed"),
    [("lead", True), ("seated", False), ("note_taker", False), ("leader", True), ("staff", True)],
)
def test_filing_once_started_belongs_to_the_lead_leaders_and_staff(
    client, meeting, people, delegate, meeting_started, role, filed
):
    response = _file(client, meeting, people[role], delegate)

    if filed:
        assert response.status_code == 302
        assert MeetingReport.objects.get().status == ReportStatus.FILED
        meeting.refresh_from_db()
        assert meeting.status == MeetingStatus.HELD
    else:
        assert response.status_code == 400
        assert (
            "Only the lead, Dana Ruiz, or the chapter&#x27;s leaders can file this report"
            in response.content.decode()
        )
        assert not MeetingReport.objects.exists()


@pytest.mark.parametrize("role", ["lead", "seated", "note_taker", "leader", "staff"])
def test_a_draft_may_be_saved_before_the_meeting_by_anyone_who_writes(
    client, meeting, people, delegate, role
):
    client.force_login(people[role])
    response = client.post(
        reverse("reports:report", args=[meeting.pk]),
        report_post(action="save", attendees=[delegate.pk]),
    )
    assert response.status_code == 302
    assert MeetingReport.objects.get().status == ReportStatus.DRAFT


def test_report_page_before_the_meeting_offers_a_draft_and_says_when_filing_opens(
    client, meeting, delegate
):
    client.force_login(delegate)
    page = client.get(reverse("reports:report", args=[meeting.pk])).content.decode()
    start = meeting.event.local(meeting.starts_at)
    assert (
        f"You can file this report once the meeting has started at 10:00 AM on "
        f"{start:%A, %B %-d}." in page
    )
    assert 'value="file"' not in page
    assert "Save draft" in page


def test_report_page_on_the_day_names_only_the_time(client, meeting, delegate):
    early_that_morning = meeting.starts_at - datetime.timedelta(hours=1)
    with time_machine.travel(early_that_morning, tick=False):
        client.force_login(delegate)
        page = client.get(reverse("reports:report", args=[meeting.pk])).content.decode()
    assert "once the meeting has started at 10:00 AM. Until then" in page


def test_report_page_after_the_start_offers_filing_to_the_lead_only(
    client, meeting, delegate, seated, meeting_started
):
    url = reverse("reports:report", args=[meeting.pk])
    client.force_login(delegate)
    assert 'value="file"' in client.get(url).content.decode()
    client.force_login(seated)
    page = client.get(url).content.decode()
    assert 'value="file"' not in page
    assert "Only the lead, Dana Ruiz, or the chapter&#x27;s leaders can file" in page


def test_new_report_form_ticks_nobody_and_names_nobody(client, meeting, delegate, seated):
    client.force_login(delegate)
    page = client.get(reverse("reports:report", args=[meeting.pk])).content.decode()
    inputs = re.findall(r'<input[^>]*name="(?:attendees|met_with)"[^>]*>', page)
    assert len(inputs) == 2 + 3  # two people to tick, three answers to whom we met
    assert [tag for tag in inputs if "checked" in tag] == []


def test_a_draft_without_whom_we_met_stays_empty(client, meeting, delegate):
    client.force_login(delegate)
    url = reverse("reports:report", args=[meeting.pk])
    client.post(url, report_post(action="save", met_with=None, attendees=None))
    report = MeetingReport.objects.get()
    assert (report.met_with, list(report.attendees.all())) == ("", [])
    page = client.get(url).content.decode()
    inputs = re.findall(r'<input[^>]*name="(?:attendees|met_with)"[^>]*>', page)
    assert [tag for tag in inputs if "checked" in tag] == []


def test_filing_needs_whom_we_met(client, meeting, delegate, meeting_started):
    client.force_login(delegate)
    response = client.post(
        reverse("reports:report", args=[meeting.pk]),
        report_post(action="file", met_with=None, attendees=[delegate.pk]),
    )
    assert response.status_code == 400
    assert "Say whom you met" in response.content.decode()
    assert not MeetingReport.objects.filter(status=ReportStatus.FILED).exists()


def test_autosave_of_a_filing_by_a_delegate_saves_the_draft(client, meeting, seated):
    """The page's autosave never files: a delegate's early typing is kept as a draft."""
    client.force_login(seated)
    response = client.post(
        reverse("reports:report", args=[meeting.pk]),
        report_post(autosave="1", action="file", attendees=[seated.pk]),
    )
    assert response.status_code == 200
    assert MeetingReport.objects.get().status == ReportStatus.DRAFT

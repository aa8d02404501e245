import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import MeetingStatus, Seat, SeatStatus
from officerequests.models import ContactRole, OfficeContact
from reports.models import MeetingReport, ReportStatus
from tests.factories import EventFactory
from tests.meetings.factories import MeetingFactory
from tests.permissions import LOGIN, assert_status, matrix

PAGES = {
    #            anonymous member leader other_leader staff
    "contacts": (LOGIN, 403, 200, 403, 200),
    "contact_edit": (LOGIN, 403, 200, 403, 200),
}
CHANGES = {
    "contacts": (LOGIN, 403, 302, 403, 302),
    "contact_edit": (LOGIN, 403, 302, 403, 302),
    "contact_delete": (LOGIN, 403, 302, 403, 302),
    "contact_from_report": (LOGIN, 403, 302, 403, 302),
}
POSTED = {"role": "immigration", "name": "Jordan Lee", "email": "jordan@example.org"}


@pytest.fixture
def filed_report(senator, chapter):
    earlier = MeetingFactory(
        event=EventFactory(name="Day of Action 2025", slug="dao-2025"),
        chapter=chapter,
        lawmaker=senator,
        status=MeetingStatus.HELD,
    )
    return MeetingReport.objects.create(
        meeting=earlier,
        status=ReportStatus.FILED,
        filed_at=timezone.now(),
        met_name="Jordan Lee",
        met_title="Legislative assistant",
    )


def url_of(view, senator, scheduler):
    if view in ("contacts", "contact_from_report"):
        return reverse(f"officerequests:{view}", args=[senator.public_id])
    return reverse(f"officerequests:{view}", args=[scheduler.pk])


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_contact_pages_permissions(client_as, senator, scheduler, view, role, expected):
    assert_status(client_as(role).get(url_of(view, senator, scheduler)), expected)


@pytest.mark.parametrize(("view", "role", "expected"), matrix(CHANGES))
def test_contact_changes_permissions(
    client_as, senator, scheduler, filed_report, view, role, expected
):
    posted = {"report": filed_report.pk} if view == "contact_from_report" else POSTED
    response = client_as(role).post(url_of(view, senator, scheduler), posted)
    assert_status(response, expected)


def test_leader_adds_a_contact_kept_with_who_and_when(client, leader, senator):
    client.force_login(leader)
    client.post(url_of("contacts", senator, None), POSTED)

    contact = OfficeContact.objects.get()
    assert (contact.name, contact.role, contact.entered_by) == (
        "Jordan Lee",
        "immigration",
        leader,
    )


def test_a_bad_email_comes_back_with_the_error_and_the_text_kept(client, leader, senator):
    client.force_login(leader)
    response = client.post(url_of("contacts", senator, None), {**POSTED, "email": "nope"})

    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert 'value="Jordan Lee"' in response.content.decode()
    assert not OfficeContact.objects.exists()


def test_whom_we_met_is_offered_and_kept_with_one_click(client, leader, senator, filed_report):
    client.force_login(leader)
    page = client.get(url_of("contacts", senator, None)).content.decode()
    assert "Jordan Lee, Legislative assistant" in page

    client.post(url_of("contact_from_report", senator, None), {"report": filed_report.pk})
    client.post(url_of("contact_from_report", senator, None), {"report": filed_report.pk})

    contact = OfficeContact.objects.get()
    assert (contact.name, contact.title, contact.role) == (
        "Jordan Lee",
        "Legislative assistant",
        ContactRole.IMMIGRATION,
    )
    assert (
        "Jordan Lee, Legislative"
        not in client.get(url_of("contacts", senator, None)).content.decode()
    )


def test_a_report_from_another_office_is_refused(
    client, leader, senator, representative, filed_report
):
    client.force_login(leader)
    response = client.post(
        url_of("contact_from_report", representative, None), {"report": filed_report.pk}
    )
    assert response.status_code == 302
    assert not OfficeContact.objects.exists()


@pytest.mark.parametrize(
    ("role", "shown"),
    [("member", False), ("leader", True), ("other_leader", False), ("staff", True)],
)
def test_lawmaker_page_shows_contacts_to_leaders_and_staff_only(
    client_as, senator, scheduler, role, shown
):
    page = client_as(role).get(reverse("lawmakers:detail", args=[senator.public_id]))
    assert ("scheduler@larsen.senate.example" in page.content.decode()) is shown


@pytest.mark.parametrize(("role", "shown"), [("leader", True), ("staff", True)])
def test_briefing_shows_contacts_to_leaders_and_staff(client_as, meeting, scheduler, role, shown):
    page = client_as(role).get(reverse("talkingpoints:briefing", args=[meeting.pk]))
    assert ("Casey Moreno" in page.content.decode()) is shown


def test_briefing_hides_contacts_from_the_delegation(client, meeting, member, scheduler):
    Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)
    client.force_login(member)
    page = client.get(reverse("talkingpoints:briefing", args=[meeting.pk]))
    assert page.status_code == 200
    assert "Casey Moreno" not in page.content.decode()

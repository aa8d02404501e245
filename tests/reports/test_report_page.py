"""The report page: who may write it, drafts, filing, history, autosave, errors."""

import pytest
from django.urls import reverse

from meetings.models import MeetingStatus
from reports.models import AskPosition, FollowUpItem, MeetingReport, ReportEdit, ReportStatus
from tests.factories import MembershipFactory
from tests.reports.conftest import report_post


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("member", 403), ("leader", 200), ("other_leader", 403), ("staff", 200)],
)
def test_report_page_permissions(client_as, meeting, role, expected):
    response = client_as(role).get(reverse("reports:report", args=[meeting.pk]))
    assert response.status_code == expected


@pytest.mark.parametrize("role", ["member", "other_leader"])
def test_report_post_refused_writes_nothing(client_as, meeting, role):
    response = client_as(role).post(
        reverse("reports:report", args=[meeting.pk]), report_post(action="file")
    )
    assert response.status_code == 403
    assert MeetingReport.objects.count() == 0


def test_delegate_saves_a_draft(client, meeting, delegate):
    client.force_login(delegate)
    response = client.post(
        reverse("reports:report", args=[meeting.pk]),
        report_post(action="save", attendees=[delegate.pk]),
    )
    assert response.status_code == 302
    report = MeetingReport.objects.get(meeting=meeting)
    assert report.status == ReportStatus.DRAFT
    assert report.met_name == "Jordan Lee"
    assert list(report.attendees.all()) == [delegate]
    assert list(report.follow_up_items.values_list("description", flat=True)) == [
        "Send the backlog figures"
    ]
    assert report.edits.count() == 0


def test_filing_records_positions_and_who_filed(client, meeting, delegate, asks, meeting_started):
    client.force_login(delegate)
    data = report_post(
        action="file",
        attendees=[delegate.pk],
        **{
            f"position_{asks[0].pk}": "leaning_yes",
            f"position_note_{asks[0].pk}": "Wants numbers",
            f"position_{asks[1].pk}": "",
        },
    )
    response = client.post(reverse("reports:report", args=[meeting.pk]), data)
    assert response.status_code == 302
    report = MeetingReport.objects.get(meeting=meeting)
    assert report.status == ReportStatus.FILED
    assert report.filed_by == delegate
    assert report.filed_at is not None
    assert list(AskPosition.objects.values_list("ask_id", "position", "note")) == [
        (asks[0].pk, "leaning_yes", "Wants numbers")
    ]


def test_filing_marks_a_confirmed_meeting_held_with_who(
    client, meeting, delegate, meeting_started
):
    client.force_login(delegate)

    client.post(
        reverse("reports:report", args=[meeting.pk]),
        report_post(action="file", attendees=[delegate.pk]),
    )

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.changes.filter(changed_by=delegate, fields__status__1="held").exists()


def test_filing_needs_an_attendee(client, meeting, delegate, meeting_started):
    client.force_login(delegate)
    response = client.post(
        reverse("reports:report", args=[meeting.pk]), report_post(action="file", attendees=None)
    )
    assert response.status_code == 400
    assert "Tick at least one person who attended" in response.content.decode()
    # The draft the person typed is still on the page, not lost.
    assert "Jordan Lee" in response.content.decode()
    assert not MeetingReport.objects.filter(status=ReportStatus.FILED).exists()


def test_edits_after_filing_are_kept_with_who_and_when(
    client, meeting, delegate, leader, meeting_started
):
    url = reverse("reports:report", args=[meeting.pk])
    client.force_login(delegate)
    client.post(url, report_post(action="file", attendees=[delegate.pk]))
    item = FollowUpItem.objects.get()
    client.force_login(leader)
    response = client.post(
        url,
        report_post(
            action="save",
            attendees=[delegate.pk],
            concerns="Cost of counsel; detention numbers",
            **{"follow_up-INITIAL_FORMS": "1", "follow_up-0-item_id": str(item.pk)},
        ),
    )
    assert response.status_code == 302
    edit = ReportEdit.objects.get()
    assert edit.edited_by == leader
    assert edit.fields == {"concerns": ["Cost of counsel", "Cost of counsel; detention numbers"]}
    assert FollowUpItem.objects.get().pk == item.pk  # updated in place, not added again
    page = client.get(url).content.decode()
    assert "Changes since filing" in page
    assert "Changed concerns" in page
    assert MeetingReport.objects.get().filed_by == delegate


def test_autosave_answers_json_and_keeps_follow_up_ids(client, meeting, delegate):
    client.force_login(delegate)
    url = reverse("reports:report", args=[meeting.pk])
    first = client.post(url, report_post(autosave="1", attendees=[delegate.pk]))
    assert first.status_code == 200
    ids = first.json()["follow_up_ids"]
    assert ids == [FollowUpItem.objects.get().pk]
    again = client.post(
        url,
        report_post(
            autosave="1",
            attendees=[delegate.pk],
            **{"follow_up-0-item_id": str(ids[0]), "follow_up-0-description": "Send figures"},
        ),
    )
    assert again.json()["follow_up_ids"] == ids
    assert list(FollowUpItem.objects.values_list("description", flat=True)) == ["Send figures"]
    assert MeetingReport.objects.get().status == ReportStatus.DRAFT


def test_autosave_with_a_bad_date_says_so(client, meeting, delegate):
    client.force_login(delegate)
    response = client.post(
        reverse("reports:report", args=[meeting.pk]),
        report_post(autosave="1", **{"follow_up-0-due_date": "next tuesday"}),
    )
    assert response.status_code == 400
    assert "follow_up-0-due_date" in response.json()["errors"]


def test_cancelled_meeting_cannot_be_filed(client, meeting, delegate):
    meeting.status = "cancelled"
    meeting.save()
    client.force_login(delegate)
    response = client.post(
        reverse("reports:report", args=[meeting.pk]),
        report_post(action="file", attendees=[delegate.pk]),
    )
    assert response.status_code == 400
    assert "cancelled" in response.content.decode()


def test_my_reports_lists_the_delegates_meetings(client, meeting, delegate, other_meeting):
    client.force_login(delegate)
    response = client.get(reverse("reports:mine"))
    assert list(response.context["meetings"]) == [meeting]
    assert "Write the report" in response.content.decode()


def test_a_member_of_the_chapter_without_a_seat_cannot_report(client, meeting, chapter):
    outsider = MembershipFactory(chapter=chapter).user
    client.force_login(outsider)
    assert client.get(reverse("reports:report", args=[meeting.pk])).status_code == 403


def test_a_failing_listener_does_not_lose_the_filing(
    client, meeting, delegate, django_capture_on_commit_callbacks, meeting_started
):
    from reports.signals import report_filed

    def broken(sender, **kwargs):
        raise RuntimeError("listener bug")

    report_filed.connect(broken, dispatch_uid="test-broken")
    try:
        client.force_login(delegate)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("reports:report", args=[meeting.pk]),
                report_post(action="file", attendees=[delegate.pk]),
            )
    finally:
        report_filed.disconnect(dispatch_uid="test-broken")
    assert response.status_code == 302
    assert MeetingReport.objects.get().status == ReportStatus.FILED

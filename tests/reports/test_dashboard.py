"""Coverage dashboards: who sees them, what they count, and a constant query count."""

import pytest
from django.urls import reverse

from meetings.models import MeetingStatus
from reports.models import AskPosition, MeetingReport, ReportStatus
from tests.factories import at
from tests.meetings.factories import LawmakerFactory, MeetingFactory


def dashboard_url(event):
    return reverse("reports:dashboard", args=[event.slug])


def chapter_url(event, chapter):
    return reverse("reports:chapter_dashboard", args=[event.slug, chapter.slug])


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("member", 403), ("leader", 403), ("other_leader", 403), ("staff", 200)],
)
def test_event_dashboard_is_for_staff(client_as, event, role, expected):
    assert client_as(role).get(dashboard_url(event)).status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("member", 403), ("leader", 200), ("other_leader", 403), ("staff", 200)],
)
def test_chapter_dashboard_is_for_its_leaders(client_as, event, chapter, role, expected):
    assert client_as(role).get(chapter_url(event, chapter)).status_code == expected


def file_report(meeting, asks, position):
    report = MeetingReport.objects.create(
        meeting=meeting, status=ReportStatus.FILED, filed_at=meeting.ends_at
    )
    AskPosition.objects.create(report=report, ask=asks[0], position=position)
    return report


def test_coverage_counts_met_scheduled_and_not_contacted(
    client, staff, event, meeting, other_meeting, asks
):
    LawmakerFactory(state="MN", party="Independent")  # an office nobody contacted
    file_report(meeting, asks, "supports")
    client.force_login(staff)
    coverage = client.get(dashboard_url(event)).context["coverage"]
    overall = coverage.overall
    # meeting: report filed (met); other_meeting: held (met); one office untouched.
    assert (overall.met, overall.scheduled, overall.none) == (2, 0, 1)
    assert {t.label: (t.met, t.none) for t in coverage.by_party} == {
        "Democrat": (1, 0),
        "Republican": (1, 0),
        "Independent": (0, 1),
    }
    assert [(t.label, t.highlight, t.met) for t in coverage.by_committee] == [
        ("Committee on the Judiciary", True, 1)
    ]
    assert coverage.asks[0].counts["supports"] == 1
    # other_meeting was held without a report: outstanding.
    assert coverage.outstanding == [other_meeting]
    assert coverage.by_state["TN"].met == 1


def test_chapter_dashboard_counts_only_the_chapter(
    client, leader, event, chapter, meeting, other_meeting
):
    client.force_login(leader)
    coverage = client.get(chapter_url(event, chapter)).context["coverage"]
    assert [row.name for row in coverage.chapters] == [chapter.name]
    assert "TN" not in coverage.by_state
    assert coverage.overall.scheduled == 1


def make_meetings(event, chapter, count):
    for number in range(count):
        meeting = MeetingFactory(
            event=event,
            chapter=chapter,
            lawmaker=LawmakerFactory(state="MN"),
            starts_at=at(event, 9, number % 50),
            status=MeetingStatus.HELD,
        )
        if number % 2:
            MeetingReport.objects.create(
                meeting=meeting, status=ReportStatus.FILED, filed_at=meeting.ends_at
            )


@pytest.mark.parametrize("count", [1, 30])
def test_event_dashboard_query_count_is_constant(
    client, staff, event, chapter, asks, count, django_assert_num_queries
):
    make_meetings(event, chapter, count)
    client.force_login(staff)
    # session, user, event; the meetings, the offices, their committee seats,
    # the outstanding meetings, the positions and the asks.
    with django_assert_num_queries(9):
        response = client.get(dashboard_url(event))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_chapter_dashboard_query_count_is_constant(
    client, leader, event, chapter, asks, count, django_assert_num_queries
):
    make_meetings(event, chapter, count)
    client.force_login(leader)
    # As above, plus the chapter, its states, the leader check and the nav's.
    with django_assert_num_queries(13):
        response = client.get(chapter_url(event, chapter))
    assert response.status_code == 200


def test_dashboard_says_one_office_met_in_the_singular(client, staff, event, meeting, asks):
    file_report(meeting, asks, "supports")
    client.force_login(staff)
    page = " ".join(client.get(dashboard_url(event)).content.decode().split())
    assert "<strong>1</strong> office met" in page
    assert "<strong>1</strong> report filed" in page
    assert "<strong>1</strong> offices met" not in page

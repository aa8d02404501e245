"""The coverage dashboard of a state legislature's day: chambers, districts, parties."""

import pytest
from django.urls import reverse

from events.models import Level
from lawmakers.models import Chamber
from lawmakers.models import Level as LawmakerLevel
from meetings.models import MeetingStatus
from reports.models import MeetingReport, ReportStatus
from tests.factories import EventFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tn_event(db):
    return EventFactory(
        name="Day on the Hill", slug="day-on-the-hill", level=Level.STATE, state="TN",
        time_zone="America/Chicago",
    )  # fmt: skip


def legislator(state="TN", chamber=Chamber.LOWER, district="1", party="Republican", **fields):
    return LawmakerFactory(
        level=LawmakerLevel.STATE, state=state, chamber=chamber, district=district,
        party=party, office_building="tn-cordell-hull", capitol_side="", **fields,
    )  # fmt: skip


def dashboard(client, event):
    return client.get(reverse("reports:dashboard", args=[event.slug]))


def test_state_coverage_counts_the_legislature_by_chamber_party_and_seat(
    client_as, tn_event, other_chapter
):
    senator = legislator(chamber=Chamber.UPPER, district="19", party="Democratic")
    legislator(chamber=Chamber.UPPER, district="2")
    member_10 = legislator(district="10", full_name="Ann Ten")
    legislator(district="9", party="Democratic")
    LawmakerFactory(state="TN")  # a U.S. senator: not on a state day
    MeetingFactory(event=tn_event, chapter=other_chapter, lawmaker=senator,
                   starts_at=at(tn_event, 9), status=MeetingStatus.HELD)  # fmt: skip
    MeetingFactory(event=tn_event, chapter=other_chapter, lawmaker=member_10,
                   starts_at=at(tn_event, 10), status=MeetingStatus.SCHEDULED)  # fmt: skip

    coverage = dashboard(client_as("staff"), tn_event).context["coverage"]

    assert (coverage.overall.met, coverage.overall.scheduled, coverage.overall.none) == (1, 1, 2)
    assert [(t.label, t.total, t.met, t.scheduled) for t in coverage.by_chamber] == [
        ("House", 2, 0, 1),
        ("Senate", 2, 1, 0),
    ]
    assert {t.label: t.total for t in coverage.by_party} == {"Republican": 2, "Democratic": 2}
    assert [(c.chamber, c.district, c.state) for c in coverage.seat_cells] == [
        ("lower", "9", "none"),
        ("lower", "10", "scheduled"),
        ("upper", "2", "none"),
        ("upper", "19", "met"),
    ]


def test_state_dashboard_draws_seats_instead_of_the_map_of_states(client_as, tn_event):
    legislator(district="10", full_name="Ann Ten")

    page = dashboard(client_as("staff"), tn_event).content.decode()

    assert "TN legislature by seat" in page
    assert "District 10: Ann Ten, not yet contacted" in page
    assert "States by offices met" not in page
    assert "Committee data covers Congress only" in page


def test_national_dashboard_keeps_the_map_of_states(client_as):
    event = EventFactory()
    LawmakerFactory(state="MN")

    response = dashboard(client_as("staff"), event)

    assert "States by offices met" in response.content.decode()
    assert response.context["coverage"].seat_cells == []


def test_california_lower_chamber_is_the_assembly(client_as):
    event = EventFactory(level=Level.STATE, state="CA", time_zone="America/Los_Angeles")
    legislator(state="CA", district="7")

    coverage = dashboard(client_as("staff"), event).context["coverage"]

    assert [t.label for t in coverage.by_chamber] == ["Assembly"]
    assert "Assembly: 0 met" in dashboard(client_as("staff"), event).content.decode()


def test_state_chapter_dashboard_covers_its_states_legislature(client_as, tn_event, other_chapter):
    ours = legislator(district="5")
    legislator(state="MN", district="62A")  # another legislature
    MeetingFactory(event=tn_event, chapter=other_chapter, lawmaker=ours,
                   starts_at=at(tn_event, 9), status=MeetingStatus.CONFIRMED)  # fmt: skip

    response = client_as("other_leader").get(
        reverse("reports:chapter_dashboard", args=[tn_event.slug, other_chapter.slug])
    )

    coverage = response.context["coverage"]
    assert (coverage.overall.total, coverage.overall.scheduled) == (1, 1)
    assert [c.district for c in coverage.seat_cells] == ["5"]


def make_state_meetings(event, chapter, count):
    for number in range(count):
        meeting = MeetingFactory(
            event=event,
            chapter=chapter,
            lawmaker=legislator(district=str(number + 1)),
            starts_at=at(event, 9, number % 50),
            status=MeetingStatus.HELD,
        )
        if number % 2:
            MeetingReport.objects.create(
                meeting=meeting, status=ReportStatus.FILED, filed_at=meeting.ends_at
            )


@pytest.mark.parametrize("count", [1, 30])
def test_state_dashboard_query_count_is_constant(
    client, staff, tn_event, other_chapter, count, django_assert_num_queries
):
    make_state_meetings(tn_event, other_chapter, count)
    client.force_login(staff)
    # The national dashboard's nine (test_dashboard).
    with django_assert_num_queries(9):
        response = dashboard(client, tn_event)
    assert len(response.context["coverage"].seat_cells) == count


@pytest.mark.parametrize("count", [1, 30])
def test_state_chapter_dashboard_query_count_is_constant(
    client, other_leader, tn_event, other_chapter, count, django_assert_num_queries
):
    make_state_meetings(tn_event, other_chapter, count)
    client.force_login(other_leader)
    with django_assert_num_queries(13):
        response = client.get(
            reverse("reports:chapter_dashboard", args=[tn_event.slug, other_chapter.slug])
        )
    assert response.status_code == 200

"""The briefing for one meeting: who sees it, what it holds, what changed, its query count."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lawmakers.models import Committee, CommitteeSeat
from meetings.models import MeetingStatus, Seat, SeatStatus
from reports.models import AskPosition, MeetingReport, Position, ReportStatus
from talkingpoints import services
from talkingpoints.models import AskLead, MeetingNote
from tests.factories import EventFactory, MembershipFactory, UserFactory
from tests.meetings.factories import MeetingFactory
from tests.talkingpoints.factories import AskFactory

pytestmark = pytest.mark.django_db


def url(meeting):
    return reverse("talkingpoints:briefing", args=[meeting.pk])


@pytest.fixture
def judiciary(senator):
    committee = Committee.objects.create(
        code="SSJU", name="Senate Committee on the Judiciary", kind="senate"
    )
    CommitteeSeat.objects.create(committee=committee, lawmaker=senator, title="Ranking Member")
    return committee


@pytest.fixture
def asks(event, judiciary):
    backlog = AskFactory(event=event, title="Cut the visa backlogs", priority=0)
    court = AskFactory(event=event, title="An independent immigration court", priority=1)
    court.target_committees.set([judiciary])
    house = AskFactory(event=event, title="House only", priority=2, target_chambers=["lower"])
    return backlog, court, house


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("member", 403),  # in the chapter, but not going to this meeting
        ("seated", 200),
        ("outsider", 403),
        ("leader", 200),
        ("other_leader", 403),
        ("staff", 200),
    ],
)
def test_briefing_permission_matrix(client, roles, seated, outsider, meeting, role, status):
    user = {**roles, "seated": seated, "outsider": outsider}[role]
    if role == "member":
        user = MembershipFactory(chapter=meeting.chapter).user
    if user is not None:
        client.force_login(user)

    assert client.get(url(meeting)).status_code == status


def test_the_lead_without_a_seat_sees_the_briefing(client, meeting):
    meeting.lead = UserFactory()
    meeting.save()
    client.force_login(meeting.lead)

    assert client.get(url(meeting)).status_code == 200


def test_a_draft_event_hides_the_briefing_from_members(client, seated, meeting):
    meeting.event.status = "draft"
    meeting.event.save()
    client.force_login(seated)

    assert client.get(url(meeting)).status_code == 403


def test_briefing_holds_the_office_the_delegation_and_the_asks_that_apply(
    client, seated, meeting, asks, senator
):
    senator.party, senator.phone, senator.office_raw = "Democrat", "202-224-3244", "425 Dirksen"
    senator.term_start, senator.term_end = datetime.date(2025, 1, 3), datetime.date(2031, 1, 3)
    senator.save()
    seated.first_name, seated.last_name = "Amara", "Okafor"
    seated.save()
    client.force_login(seated)

    page = client.get(url(meeting)).content.decode()

    assert "Senator Amy Larsen" in page
    assert "425 Dirksen" in page and "202-224-3244" in page and "2025\u20132031" in page
    assert "Senate Committee on the Judiciary" in page and "Ranking Member" in page
    assert "Amara Okafor" in page and "Constituent" in page
    assert "Cut the visa backlogs" in page
    assert "Larsen is Ranking Member of the Senate Committee on the Judiciary" in page
    assert "House only" not in page


def test_asks_come_in_staff_order(client, staff, meeting, asks):
    backlog, court, _ = asks
    services.ask_move(ask=court, step=-1)
    client.force_login(staff)

    page = client.get(url(meeting)).content.decode()

    assert page.index(court.title) < page.index(backlog.title)


def test_leader_adds_a_local_story_beside_an_ask(client, leader, seated, meeting, asks):
    backlog = asks[0]
    client.force_login(leader)

    response = client.post(
        reverse("talkingpoints:note_add", args=[meeting.pk]),
        {"kind": "story", "ask": backlog.pk, "body": "Our member **Maria** waited 9 years."},
    )

    assert response.status_code == 302
    client.force_login(seated)
    page = client.get(url(meeting)).content.decode()
    assert "Our member <strong>Maria</strong> waited 9 years." in page
    assert "Local story from Minnesota/Dakotas" in page


def test_an_empty_note_comes_back_with_the_error(client, leader, meeting, asks):
    client.force_login(leader)

    response = client.post(
        reverse("talkingpoints:note_add", args=[meeting.pk]), {"kind": "story", "body": ""}
    )

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert MeetingNote.objects.count() == 0


@pytest.mark.parametrize("role", ["member", "other_leader", "outsider"])
def test_only_the_chapters_leaders_add_or_remove_notes(client, roles, outsider, role, meeting):
    note = MeetingNote.objects.create(meeting=meeting, body="Ours")
    client.force_login({**roles, "outsider": outsider}[role])

    added = client.post(
        reverse("talkingpoints:note_add", args=[meeting.pk]), {"kind": "story", "body": "x"}
    )
    removed = client.post(reverse("talkingpoints:note_delete", args=[note.pk]))

    assert (added.status_code, removed.status_code) == (403, 403)
    assert list(MeetingNote.objects.values_list("body", flat=True)) == ["Ours"]


def test_leaders_cannot_change_the_national_text(client, leader, asks):
    client.force_login(leader)

    response = client.post(
        reverse("talkingpoints:ask_edit", args=[asks[0].pk]), {"title": "Ours now"}
    )

    asks[0].refresh_from_db()
    assert (response.status_code, asks[0].title) == (403, "Cut the visa backlogs")


def test_leader_names_who_makes_each_ask(client, leader, seated, meeting, asks):
    backlog, court, _ = asks
    client.force_login(leader)

    response = client.post(
        reverse("talkingpoints:ask_leads", args=[meeting.pk]),
        {f"ask_{backlog.pk}": str(seated.pk), f"ask_{court.pk}": ""},
    )

    assert response.status_code == 302
    assert list(AskLead.objects.values_list("ask_id", "user_id")) == [(backlog.pk, seated.pk)]
    client.force_login(seated)
    page = client.get(url(meeting)).content.decode()
    assert "makes the ask: Cut the visa backlogs" in page


def test_only_the_delegation_can_lead_an_ask(client, leader, seated, meeting, asks):
    stranger = UserFactory()
    client.force_login(leader)

    response = client.post(
        reverse("talkingpoints:ask_leads", args=[meeting.pk]),
        {f"ask_{asks[0].pk}": str(stranger.pk)},
    )

    assert response.status_code == 400
    assert AskLead.objects.count() == 0


def test_a_participant_sees_what_changed_since_they_last_read(
    client, seated, staff, meeting, asks
):
    backlog = asks[0]
    client.force_login(seated)
    first = client.get(url(meeting)).content.decode()
    services.ask_update(
        ask=backlog,
        by=staff,
        talking_points=backlog.talking_points + "\n- Per-country caps hit India hardest.",
    )

    second = client.get(url(meeting)).content.decode()
    third = client.get(url(meeting)).content.decode()

    assert "New to you" in first and "Changed since you last read" not in first
    assert "Changed since you last read it" in second
    assert "What changed since version 1 (now version 2)" in second
    assert (
        '<li class="ask-diff__added"><span class="visually-hidden">added: </span>'
        "- Per-country caps hit India hardest.</li>" in second
    )
    assert "Changed since you last read" not in third and "New to you" not in third


def test_history_shows_earlier_meetings_and_reported_positions(
    client, seated, meeting, asks, chapter
):
    last_year = EventFactory(
        name="Day of Action 2025", date=meeting.event.date - datetime.timedelta(days=365)
    )
    earlier = MeetingFactory(
        event=last_year, chapter=chapter, lawmaker=meeting.lawmaker, status=MeetingStatus.HELD
    )
    report = MeetingReport.objects.create(
        meeting=earlier,
        status=ReportStatus.FILED,
        filed_at=timezone.now(),
        met_name="Jordan Lee",
        met_title="Legislative assistant",
        commitments="Will read the bill.",
    )
    AskPosition.objects.create(report=report, ask=asks[0], position=Position.LEANING_YES)
    client.force_login(seated)

    page = client.get(url(meeting)).content.decode()

    assert "Day of Action 2025" in page
    assert "Jordan Lee, Legislative assistant" in page
    assert "Leaning yes</span> Cut the visa backlogs" in page
    assert "Will read the bill." in page


def test_briefing_query_count_is_constant(
    client, seated, meeting, judiciary, chapter, django_assert_num_queries
):
    AskFactory(event=meeting.event)
    client.force_login(seated)
    client.get(url(meeting))
    # 18 of its own, and whether the viewer keeps the office's contacts
    # (talkingpoints.office_panels, provided by officerequests).
    with django_assert_num_queries(19):
        client.get(url(meeting))

    for number in range(8):
        ask = AskFactory(event=meeting.event)
        ask.target_committees.set([judiciary])
        MeetingNote.objects.create(meeting=meeting, ask=ask, body=f"Story {number}")
        Seat.objects.create(
            meeting=MeetingFactory(
                event=EventFactory(
                    date=meeting.event.date - datetime.timedelta(days=400 + number)
                ),
                chapter=chapter,
                lawmaker=meeting.lawmaker,
            ),
            user=UserFactory(),
            status=SeatStatus.CONFIRMED,
        )
    for _ in range(3):
        colleague = MembershipFactory(chapter=chapter).user
        Seat.objects.create(meeting=meeting, user=colleague, status=SeatStatus.CONFIRMED)
    client.get(url(meeting))  # reads the new asks once
    # One more than with no history at all: the past meetings' filed reports, which the
    # reports app provides (talkingpoints.history); it does not grow with the meetings.
    with django_assert_num_queries(20):
        client.get(url(meeting))


def test_the_note_taker_can_lead_an_ask(client, leader, seated, meeting, asks):
    # The note-taker is in the delegation even without a seat (the rule lives in meetings.people).
    note_taker = UserFactory()
    meeting.note_taker = note_taker
    meeting.save(update_fields=["note_taker"])
    client.force_login(leader)

    response = client.post(
        reverse("talkingpoints:ask_leads", args=[meeting.pk]),
        {f"ask_{asks[0].pk}": str(note_taker.pk)},
    )

    assert response.status_code == 302
    assert list(AskLead.objects.values_list("user_id", flat=True)) == [note_taker.pk]


def test_history_leaves_out_a_report_still_in_draft(client, seated, meeting, chapter):
    last_year = EventFactory(date=meeting.event.date - datetime.timedelta(days=365))
    earlier = MeetingFactory(
        event=last_year, chapter=chapter, lawmaker=meeting.lawmaker, status=MeetingStatus.HELD
    )
    MeetingReport.objects.create(meeting=earlier, met_name="Not yet filed")
    client.force_login(seated)

    page = client.get(url(meeting)).content.decode()

    assert "Not yet filed" not in page
    assert "No report filed." in page


def test_history_costs_the_same_for_one_or_five_past_reports(
    client, seated, meeting, asks, chapter, django_assert_num_queries
):
    def add_past(years_ago):
        event = EventFactory(date=meeting.event.date - datetime.timedelta(days=365 * years_ago))
        earlier = MeetingFactory(
            event=event, chapter=chapter, lawmaker=meeting.lawmaker, status=MeetingStatus.HELD
        )
        report = MeetingReport.objects.create(
            meeting=earlier, status=ReportStatus.FILED, filed_at=timezone.now()
        )
        for ask in asks:
            AskPosition.objects.create(report=report, ask=ask, position=Position.SUPPORTS)

    add_past(1)
    client.force_login(seated)
    client.get(url(meeting))
    with django_assert_num_queries(21):
        one = client.get(url(meeting)).content.decode()
    for years_ago in range(2, 6):
        add_past(years_ago)
    with django_assert_num_queries(21):
        five = client.get(url(meeting)).content.decode()
    assert (one.count("Supports</span>"), five.count("Supports</span>")) == (3, 15)

"""The schedule board: where meetings sit, what is left to cover, and a flat query count."""

import pytest
from django.urls import reverse

from meetings.board import board_for
from meetings.models import MeetingStatus
from meetings.seats import seat_take
from tests.factories import MembershipFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory, RegistrationFactory

MANY = 30


def test_board_places_meetings_on_five_minute_columns(event, chapter, meeting, representative):
    MeetingFactory(
        event=event, chapter=chapter, lawmaker=representative, starts_at=at(event, 8, 5)
    )
    board = board_for(event=event, chapter=chapter)

    assert board.columns == 120  # 8:00 to 18:00
    first, second = board.blocks
    assert (first.meeting.lawmaker, first.column, first.span, first.row) == (
        representative,
        3,
        4,
        2,
    )
    assert (second.meeting, second.column, second.span, second.row) == (meeting, 26, 4, 3)
    assert [hour.label for hour in board.hours][:3] == ["8 AM", "9 AM", "10 AM"]


def test_board_counts_seats_and_dots(event, chapter, meeting, member):
    seat_take(meeting_id=meeting.pk, user=member)
    block = board_for(event=event, chapter=chapter).blocks[0]
    assert block.seat_dots == [True, False, False]
    assert board_for(event=event, chapter=chapter).stats["seats_taken"] == 1


def test_board_lists_uncovered_offices_of_registered_members(event, chapter, member, senator):
    other_senator = LawmakerFactory(last_name="Uncovered", state="MN")
    profile = member.profile
    profile.state = "MN"
    profile.save()
    RegistrationFactory(event=event, user=member)
    MeetingFactory(event=event, lawmaker=senator)  # another chapter covers this one

    board = board_for(event=event, chapter=chapter)

    assert [office.lawmaker for office in board.uncovered] == [other_senator]
    assert board.uncovered[0].constituents == [member]


def test_board_page_shows_status_colours_and_links(client_as, event, chapter, meeting):
    client = client_as("leader")
    client.post(reverse("meetings:meeting_status", args=[meeting.pk]), {"status": "scheduled"})
    page = client.get(reverse("meetings:board", args=[event.slug, chapter.slug])).content.decode()
    assert "board-block board-block--scheduled" in page
    assert "grid-column: 26 / span 4" in page
    assert reverse("meetings:meeting_manage", args=[meeting.pk]) in page


def test_board_page_cancelled_meeting_does_not_count(client_as, event, chapter, meeting):
    meeting.status = MeetingStatus.CANCELLED
    meeting.save()
    response = client_as("leader").get(reverse("meetings:board", args=[event.slug, chapter.slug]))
    assert response.context["board"].stats["meetings"] == 0
    assert "board-block--cancelled" in response.content.decode()


def _fill(event, chapter, other_chapter, rows):
    """Meetings with people, constituents registered, and another chapter on the same offices."""
    for n in range(rows):
        lawmaker = LawmakerFactory(state="MN")
        mine = MeetingFactory(
            event=event,
            chapter=chapter,
            lawmaker=lawmaker,
            starts_at=at(event, 8 + n % 9, n % 4 * 15),
        )
        MeetingFactory(
            event=event, chapter=other_chapter, lawmaker=lawmaker, starts_at=at(event, 17, 30)
        )
        person = MembershipFactory(chapter=chapter).user
        person.profile.state = "MN"
        person.profile.save()
        RegistrationFactory(event=event, user=person)
        seat_take(meeting_id=mine.pk, user=person)
        LawmakerFactory(state="MN")  # an office nobody meets yet


@pytest.mark.parametrize("rows", [1, MANY])
def test_board_queries_do_not_grow_for_a_leader(
    client_as, event, chapter, other_chapter, rows, django_assert_num_queries
):
    _fill(event, chapter, other_chapter, rows)
    client = client_as("leader")
    # session, user, event, chapter, is leader, meetings, their seats, other chapters'
    # meetings with our offices, the day's confirmed seats of the people seated with us
    # (walking clashes: some are in other chapters' meetings, which the board does not
    # read otherwise), the planner's newest draft (none), registrations, lawmakers,
    # covered offices, lawmakers in bulk, navigation
    with django_assert_num_queries(15):
        response = client.get(reverse("meetings:board", args=[event.slug, chapter.slug]))
    board = response.context["board"]
    assert len(board.blocks) == rows
    assert len(board.warnings) == rows
    assert len(board.uncovered) == rows


@pytest.mark.parametrize("rows", [1, MANY])
def test_board_queries_do_not_grow_for_staff(
    client_as, event, chapter, other_chapter, rows, django_assert_num_queries
):
    _fill(event, chapter, other_chapter, rows)
    client = client_as("staff")
    with django_assert_num_queries(13):
        response = client.get(reverse("meetings:board", args=[event.slug, chapter.slug]))
    assert len(response.context["board"].blocks) == rows


@pytest.mark.parametrize("rows", [1, MANY])
def test_meeting_page_queries_do_not_grow(
    client_as, event, chapter, meeting, rows, django_assert_num_queries
):
    Meeting = type(meeting)
    Meeting.objects.filter(pk=meeting.pk).update(seats=MANY)
    for _ in range(rows):
        seat_take(meeting_id=meeting.pk, user=MembershipFactory(chapter=chapter).user)
    for n in range(rows):
        MeetingFactory(event=event, chapter=chapter, starts_at=at(event, 12, n % 4 * 15))
    client = client_as("leader")
    # One more than before the walking-clash warning: the seated people's other meetings.
    with django_assert_num_queries(14):  # + the programme items everyone attends
        response = client.get(reverse("meetings:meeting_manage", args=[meeting.pk]))
    assert len(response.context["confirmed"]) == rows

"""A leader who moves a meeting hears who, seated in it, can no longer walk to their next one."""

import pytest
from django.urls import reverse

from meetings.board import board_for
from meetings.models import Seat, SeatStatus
from meetings.services import meeting_update
from tests.factories import MembershipFactory, UserFactory, at
from tests.meetings.factories import MeetingFactory
from tests.meetings.test_leader_meetings import form_data, texts

SHORT_WALK = (
    "Sam Seated cannot make both: it leaves 10 minutes to walk to or from their meeting "
    "with Ilhan Osei at 10:40 AM, and the event allows 20 minutes between these rooms."
)


@pytest.fixture
def house_meeting(event, other_chapter, representative):
    """Another chapter's meeting across the Capitol at 10:40: 20 minutes after ours ends."""
    return MeetingFactory(
        event=event, chapter=other_chapter, lawmaker=representative, starts_at=at(event, 10, 40)
    )


@pytest.fixture
def sam(chapter, meeting, house_meeting):
    """Seated (confirmed) in both meetings, which are just far enough apart today."""
    person = MembershipFactory(
        chapter=chapter, user=UserFactory(first_name="Sam", last_name="Seated")
    ).user
    for where in (meeting, house_meeting):
        Seat.objects.create(meeting=where, user=person, status=SeatStatus.CONFIRMED)
    return person


def _move_to_ten_past(client, meeting, senator):
    return client.post(
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        form_data(senator, start_time="10:10", seats="3", reserved_for_constituents="0"),
        follow=True,
    )


def test_meeting_edit_that_leaves_too_short_a_walk_warns_naming_the_person(
    client_as, meeting, senator, sam
):
    response = _move_to_ten_past(client_as("leader"), meeting, senator)

    assert response.status_code == 200
    assert SHORT_WALK in texts(response)
    meeting.refresh_from_db()
    assert meeting.event.local(meeting.starts_at).strftime("%H:%M") == "10:10"


def test_meeting_edit_with_room_to_walk_warns_nobody(client_as, meeting, senator, sam):
    response = client_as("leader").post(
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        form_data(senator, start_time="09:30", seats="3", reserved_for_constituents="0"),
        follow=True,
    )
    assert not [text for text in texts(response) if "cannot make both" in text]


def test_meeting_update_warns_only_for_confirmed_seats(event, meeting, house_meeting, sam):
    Seat.objects.filter(user=sam, meeting=house_meeting).update(status=SeatStatus.WAITLISTED)
    warnings = meeting_update(meeting=meeting, by=None, starts_at=at(event, 10, 10))
    assert warnings == []


def test_meeting_page_and_board_show_the_clash_after_a_move(
    client_as, event, chapter, meeting, house_meeting, sam
):
    meeting_update(
        meeting=meeting,
        by=None,
        starts_at=at(event, 10, 10),
        ends_at=at(event, 10, 30),
    )
    client = client_as("leader")

    page = client.get(reverse("meetings:meeting_manage", args=[meeting.pk])).content.decode()
    assert SHORT_WALK.replace("'", "&#x27;") in page

    board = board_for(event=event, chapter=chapter)
    (block,) = board.blocks
    assert [clash.person for clash in block.clashes] == [sam]
    assert f"Amy Larsen at 10:10 AM: {SHORT_WALK}" in board.warnings
    response = client.get(reverse("meetings:board", args=[event.slug, chapter.slug]))
    assert "cannot make another of their meetings" in response.content.decode()


def test_board_clash_between_two_of_our_own_meetings_marks_both(
    event, chapter, meeting, representative
):
    ours_too = MeetingFactory(
        event=event, chapter=chapter, lawmaker=representative, starts_at=at(event, 10, 25)
    )
    person = MembershipFactory(chapter=chapter).user
    for where in (meeting, ours_too):
        Seat.objects.create(meeting=where, user=person, status=SeatStatus.CONFIRMED)

    board = board_for(event=event, chapter=chapter)

    assert [len(block.clashes) for block in board.blocks] == [1, 1]
    assert len(board.warnings) == 2

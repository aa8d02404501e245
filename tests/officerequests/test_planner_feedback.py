"""An office's answer feeds the day: a confirmed time is a pin for the planner, a decline
frees the team and takes the meeting off the board's live meetings."""

import datetime

import pytest

from meetings.board import board_for
from meetings.models import MeetingStatus, Seat, SeatStatus
from officerequests.models import Answer, AnsweredHow
from officerequests.replies import reply_record
from planner.inputs import plan_inputs
from tests.factories import at
from tests.lawmakers.factories import ZipDistrictFactory
from tests.planner_app.conftest import participant, register


@pytest.fixture
def seated(event, meeting, chapter):
    event.day_starts, event.day_ends = datetime.time(9), datetime.time(17)
    event.save()
    ZipDistrictFactory(zcta="55401", state="MN", district=5)
    person = participant(chapter)
    register(event, person)
    Seat.objects.create(meeting=meeting, user=person, status=SeatStatus.CONFIRMED)
    return person


def _answer(meeting, answer, **fields):
    return reply_record(meeting=meeting, answer=answer, how=AnsweredHow.LINK, **fields)


def test_a_requested_meeting_is_only_an_incumbent_for_the_planner(event, chapter, meeting, seated):
    inputs = plan_inputs(event=event, chapter=chapter)
    assert [i.meeting for i in inputs.problem.incumbents] == [meeting.pk]
    assert inputs.problem.pins == ()


def test_a_time_the_office_confirms_is_a_pin_for_the_planner(event, chapter, meeting, seated):
    _answer(meeting, Answer.OTHER_TIME, new_time=datetime.time(14, 0))

    inputs = plan_inputs(event=event, chapter=chapter)
    pins = [(p.meeting, p.starts_at, p.people) for p in inputs.problem.pins]
    assert pins == [(meeting.pk, at(event, 14), frozenset({seated.pk}))]
    assert inputs.problem.incumbents == ()


def test_a_decline_frees_the_team_for_the_next_pass(event, chapter, meeting, seated):
    _answer(meeting, Answer.DECLINE)

    inputs = plan_inputs(event=event, chapter=chapter)
    assert inputs.problem.pins == ()
    assert inputs.problem.incumbents == ()
    assert meeting.pk not in inputs.meetings
    assert seated.pk in {p.key for p in inputs.problem.participants}


def test_a_declined_meeting_leaves_the_boards_live_meetings(
    client_as, event, chapter, meeting, seated
):
    assert board_for(event=event, chapter=chapter).stats["meetings"] == 1
    declined = _answer(meeting, Answer.DECLINE)

    assert declined.status == MeetingStatus.CANCELLED
    board = board_for(event=event, chapter=chapter)
    assert (board.stats["meetings"], [b.meeting.pk for b in board.active]) == (0, [])
    page = client_as("leader").get(f"/events/{event.slug}/chapters/{chapter.slug}/board/")
    assert "board-block--cancelled" in page.content.decode()

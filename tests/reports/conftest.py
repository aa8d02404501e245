import datetime

import pytest
import time_machine

from lawmakers.models import Chamber, Committee, CommitteeSeat
from meetings.models import MeetingStatus, Seat, SeatStatus
from tests.factories import MembershipFactory, UserFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory
from tests.talkingpoints.factories import AskFactory


@pytest.fixture
def asks(event):
    return [
        AskFactory(event=event, title="Cut the visa backlogs", priority=1),
        AskFactory(event=event, title="Fund counsel for children", priority=2),
    ]


@pytest.fixture
def judiciary(db):
    return Committee.objects.create(code="SSJU", name="Committee on the Judiciary", kind="senate")


@pytest.fixture
def senator(judiciary):
    lawmaker = LawmakerFactory(first_name="Amy", last_name="Larsen", state="MN", party="Democrat")
    CommitteeSeat.objects.create(committee=judiciary, lawmaker=lawmaker, rank=3)
    return lawmaker


@pytest.fixture
def representative(db):
    return LawmakerFactory(
        first_name="Pete",
        last_name="Stauber",
        state="TN",
        chamber=Chamber.LOWER,
        district="8",
        party="Republican",
        office_building="rayburn",
        office_room="2231",
        capitol_side="house",
    )


@pytest.fixture
def delegate(chapter):
    """A member with a confirmed seat in `meeting`: part of the delegation."""
    return MembershipFactory(
        chapter=chapter, user=UserFactory(first_name="Dana", last_name="Ruiz")
    ).user


@pytest.fixture
def meeting(event, chapter, senator, leader, delegate):
    meeting = MeetingFactory(
        event=event,
        chapter=chapter,
        lawmaker=senator,
        starts_at=at(event, 10),
        status=MeetingStatus.CONFIRMED,
        lead=delegate,
        seats=3,
        seats_taken=1,
        created_by=leader,
    )
    Seat.objects.create(meeting=meeting, user=delegate, status=SeatStatus.CONFIRMED)
    return meeting


@pytest.fixture
def meeting_started(meeting):
    """The clock at half past the meeting's start: the report may be filed now."""
    with time_machine.travel(meeting.starts_at + datetime.timedelta(minutes=30), tick=True):
        yield


@pytest.fixture
def other_meeting(event, other_chapter, representative):
    return MeetingFactory(
        event=event,
        chapter=other_chapter,
        lawmaker=representative,
        starts_at=at(event, 11),
        status=MeetingStatus.HELD,
    )


def report_post(**overrides):
    """The report form's POST data: a complete report with one follow-up line."""
    data = {
        "met_with": "staff",
        "met_name": "Jordan Lee",
        "met_title": "Legislative assistant",
        "concerns": "Cost of counsel",
        "questions_promised": "Per-country cap numbers",
        "commitments": "Will raise it with the senator",
        "notes": "Friendly",
        "follow_up-TOTAL_FORMS": "2",
        "follow_up-INITIAL_FORMS": "0",
        "follow_up-MIN_NUM_FORMS": "0",
        "follow_up-MAX_NUM_FORMS": "30",
        "follow_up-0-description": "Send the backlog figures",
        "follow_up-0-due_date": "2030-01-15",
        "follow_up-1-description": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}

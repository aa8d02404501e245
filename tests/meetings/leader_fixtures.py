"""Fixtures of the leaders' meeting pages, imported by the test_leader_* modules."""

import datetime

import pytest

from lawmakers.models import Chamber
from tests.factories import EventFactory
from tests.meetings.factories import LawmakerFactory, MeetingFactory


@pytest.fixture
def event(db):
    return EventFactory(name="National Day of Action", slug="national")


@pytest.fixture
def senator(db):
    return LawmakerFactory(first_name="Amy", last_name="Larsen", state="MN", office_room="425")


@pytest.fixture
def representative(db):
    return LawmakerFactory(
        first_name="Ilhan",
        last_name="Osei",
        state="MN",
        chamber=Chamber.LOWER,
        district="5",
        office_building="longworth",
        office_room="1730",
        capitol_side="house",
    )


def at(event, hour, minute=0):
    return datetime.datetime.combine(event.date, datetime.time(hour, minute), tzinfo=event.zone)


@pytest.fixture
def meeting(event, chapter, senator, leader):
    return MeetingFactory(
        event=event,
        chapter=chapter,
        lawmaker=senator,
        starts_at=at(event, 10),
        seats=3,
        created_by=leader,
    )


@pytest.fixture
def other_meeting(event, other_chapter, representative):
    return MeetingFactory(
        event=event, chapter=other_chapter, lawmaker=representative, starts_at=at(event, 11)
    )

"""Targeting on the real members of Congress and their committees (../shared/data)."""

import pytest
from django.conf import settings

from lawmakers.importers.sources import folder_sources
from lawmakers.models import Chamber, Committee, Lawmaker
from lawmakers.services import lawmakers_import
from talkingpoints.selectors import asks_for_meeting, asks_for_meetings
from tests.lawmakers.fixtures import wipe_lawmakers
from tests.meetings.factories import MeetingFactory
from tests.talkingpoints.factories import AskFactory

pytestmark = pytest.mark.django_db

KLOBUCHAR, SMITH, GRASSLEY, RASKIN = "K000367", "S001203", "G000386", "R000606"


@pytest.fixture(scope="module")
def congress(django_db_setup, django_db_blocker):
    """Congress alone (members and committees), imported once for this module."""
    if not (settings.LAWMAKER_DATA_DIR / "congress-legislators").is_dir():
        pytest.skip(f"no lawmaker data at {settings.LAWMAKER_DATA_DIR}")
    with django_db_blocker.unblock():
        lawmakers_import(congress_source=folder_sources(settings.LAWMAKER_DATA_DIR)["congress"])
    yield
    with django_db_blocker.unblock():
        wipe_lawmakers()


@pytest.fixture
def meetings(congress, event, chapter):
    def meeting_with(public_id):
        return MeetingFactory(
            event=event, chapter=chapter, lawmaker=Lawmaker.objects.get(public_id=public_id)
        )

    return {
        public_id: meeting_with(public_id) for public_id in (KLOBUCHAR, SMITH, GRASSLEY, RASKIN)
    }


@pytest.fixture
def judiciary_ask(congress, event):
    ask = AskFactory(event=event, title="An independent immigration court")
    ask.target_committees.set(Committee.objects.filter(code__in=["SSJU", "HSJU"]))
    return ask


def titles(applied):
    return [item.ask.title for item in applied]


def test_judiciary_member_gets_the_judiciary_ask_with_the_reason(meetings, judiciary_ask):
    applied = asks_for_meeting(meetings[KLOBUCHAR])

    assert titles(applied) == ["An independent immigration court"]
    assert applied[0].reasons == ["sits on the Senate Committee on the Judiciary"]


def test_senator_off_the_judiciary_committee_does_not_get_it(meetings, judiciary_ask):
    assert asks_for_meeting(meetings[SMITH]) == []


def test_committee_titles_show_in_the_reason(meetings, judiciary_ask):
    applied = asks_for_meetings([meetings[GRASSLEY], meetings[RASKIN]])

    assert applied[meetings[GRASSLEY].pk][0].reasons == [
        "is Chairman of the Senate Committee on the Judiciary"
    ]
    assert applied[meetings[RASKIN].pk][0].reasons == [
        "is Ranking Member of the House Committee on the Judiciary"
    ]


def test_chamber_party_and_state_must_all_match(meetings, event):
    AskFactory(
        event=event,
        title="Shelter funding",
        target_chambers=[Chamber.UPPER],
        target_parties=["Democrat"],
        target_states=["MN"],
    )

    applied = asks_for_meetings(meetings.values())

    assert titles(applied[meetings[KLOBUCHAR].pk]) == ["Shelter funding"]
    assert applied[meetings[SMITH].pk][0].reasons == [
        "sits in the Senate",
        "is a Democrat",
        "represents Minnesota",
    ]
    assert applied[meetings[GRASSLEY].pk] == []  # Iowa, Republican
    assert applied[meetings[RASKIN].pk] == []  # the House


def test_asks_without_targets_apply_everywhere_in_priority_order(meetings, event, judiciary_ask):
    AskFactory(event=event, title="Cut the visa backlogs", priority=0)
    judiciary_ask.priority = 1
    judiciary_ask.save()

    assert titles(asks_for_meeting(meetings[KLOBUCHAR])) == [
        "Cut the visa backlogs",
        "An independent immigration court",
    ]
    assert asks_for_meeting(meetings[SMITH])[0].reasons == ["applies to every office"]


def test_asks_of_another_event_never_apply(meetings, judiciary_ask):
    AskFactory(title="Another day's ask")

    assert titles(asks_for_meeting(meetings[KLOBUCHAR])) == ["An independent immigration court"]


def test_targeting_reads_in_three_queries_however_many_meetings(
    meetings, judiciary_ask, django_assert_num_queries
):
    chosen = list(
        type(meetings[SMITH])
        .objects.filter(pk__in=[m.pk for m in meetings.values()])
        .select_related("lawmaker")
    )
    with django_assert_num_queries(4):  # asks, their committees, leave-behinds, seats
        asks_for_meetings(chosen)

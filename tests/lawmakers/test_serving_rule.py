"""Serving is one rule: in the published data and the term not ended, wherever it is asked."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from coalitions.selectors import federal_lawmakers_for
from lawmakers.models import Chamber, Lawmaker
from lawmakers.selectors import lawmaker_directory, parties
from lawmakers.services import vacant_house_seats
from meetings.forms import lawmakers_for
from members.constituency import constituency_for
from planner.services import targets_add_from_committees
from talkingpoints.forms import party_choices
from tests.factories import EventFactory, UserFactory
from tests.lawmakers.factories import (
    CommitteeSeatFactory,
    LawmakerFactory,
    SenatorFactory,
    ZipDistrictFactory,
)

DIRECTORY = reverse("lawmakers:directory")
TODAY = datetime.date(2026, 11, 10)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(datetime.datetime(2026, 11, 10, 16, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def ended(db):
    """An appointed senator still in the data, whose term ended a week ago."""
    return SenatorFactory(
        full_name="Ann Appointed",
        last_name="Appointed",
        state="MN",
        party="Whig",
        is_appointed=True,
        term_end=datetime.date(2026, 11, 3),
    )


def test_serving_counts_the_last_day_of_a_term_and_not_the_day_after(db):
    today = LawmakerFactory(term_end=TODAY)
    yesterday = LawmakerFactory(term_end=TODAY - datetime.timedelta(days=1))
    open_ended = LawmakerFactory(term_end=None)
    gone = LawmakerFactory(is_serving=False, term_end=None)
    assert set(Lawmaker.objects.serving()) == {today, open_ended}
    assert set(Lawmaker.objects.not_serving()) == {yesterday, gone}
    assert [lawmaker.in_office for lawmaker in (today, yesterday, open_ended, gone)] == [
        True,
        False,
        True,
        False,
    ]
    assert set(Lawmaker.objects.serving(on=TODAY - datetime.timedelta(days=1))) == {
        today,
        yesterday,
        open_ended,
    }


def test_directory_lists_a_lawmaker_whose_term_ended_only_as_former(client, member, ended):
    client.force_login(member)
    assert client.get(DIRECTORY).context["page"].paginator.count == 0
    response = client.get(DIRECTORY, {"former": "on"})
    assert [lawmaker.full_name for lawmaker in response.context["page"]] == ["Ann Appointed"]
    assert '<span class="badge badge--expired">Former</span>' in response.content.decode()
    assert list(lawmaker_directory()) == []
    assert "Whig" not in parties()


def test_lawmaker_page_says_when_the_term_ended(client, member, ended):
    client.force_login(member)
    response = client.get(reverse("lawmakers:detail", args=[ended.public_id]))
    assert "No longer serving: term ended November 3, 2026" in response.content.decode()


def test_term_ended_is_not_serving_elsewhere(db, chapter, staff, ended):
    serving = SenatorFactory(state="MN", party="Democrat")
    event = EventFactory()
    assert list(lawmakers_for(event)) == [serving]
    assert set(lawmakers_for(event, keep=ended)) == {serving, ended}  # a meeting keeps its own
    assert list(federal_lawmakers_for(chapter=chapter)) == [serving]
    assert "Whig" not in dict(party_choices())

    profile = UserFactory().profile
    profile.state, profile.zip_code = "MN", "55401"
    profile.save()
    assert constituency_for(profile).senators == [serving]

    seat = CommitteeSeatFactory(lawmaker=ended)
    CommitteeSeatFactory(lawmaker=serving, committee=seat.committee)
    targets_add_from_committees(
        event=event, committees=[seat.committee], priority="should", by=staff
    )
    assert list(event.plan_targets.values_list("lawmaker_id", flat=True)) == [serving.pk]


def test_house_seat_of_a_term_that_ended_counts_as_vacant(db):
    ZipDistrictFactory(zcta="55401", state="MN", district=5)
    ZipDistrictFactory(zcta="55414", state="MN", district=4)
    LawmakerFactory(state="MN", district="5", chamber=Chamber.LOWER)
    LawmakerFactory(state="MN", district="4", term_end=datetime.date(2026, 11, 3))
    assert vacant_house_seats() == ["MN-4"]


def test_import_summary_counts_serving_by_the_date(db, small_data, import_folder):
    with time_machine.travel(datetime.datetime(2026, 10, 1, 16, tzinfo=datetime.UTC)):
        lines = import_folder(small_data).lines()
    assert (
        "Congress: 6 serving: 2 senators (1 appointed), 4 in the House "
        "(3 voting, 1 non-voting delegates)"
    ) in lines
    assert not any(line.startswith("No longer serving") for line in lines)

    lines = import_folder(small_data).lines()  # today: the appointed senator's term ended
    assert (
        "Congress: 5 serving: 1 senators (0 appointed), 4 in the House "
        "(3 voting, 1 non-voting delegates)"
    ) in lines
    assert "No longer serving (gone from the data or term ended): 1" in lines

"""The day to plan is built from the database as it is, with its gaps listed, never guessed."""

import datetime

import pytest

from meetings.models import MeetingStatus
from meetings.seats import seat_take
from planner.inputs import NO_DISTRICT, plan_inputs
from planner.models import Acquaintance, PlanRules, Target, TargetPriority
from planner.problem import Priority
from planner.programme import programme_items
from tests.factories import at
from tests.lawmakers.factories import ZipDistrictFactory
from tests.meetings.factories import MeetingFactory
from tests.planner_app.conftest import participant, register


def test_inputs_offices_are_the_participants_delegation(event, team, delegation):
    inputs = plan_inputs(event=event)
    offices = {office.key: office.priority for office in inputs.problem.offices}
    assert offices == {lawmaker.pk: Priority.SHOULD for lawmaker in delegation}
    assert {p.key for p in inputs.problem.participants} == {person.pk for person in team}
    ana = next(p for p in inputs.problem.participants if p.key == team[0].pk)
    assert ana.constituent_of == {lawmaker.pk for lawmaker in delegation}
    assert ana.experienced is True
    bo = next(p for p in inputs.problem.participants if p.key == team[1].pk)
    assert bo.experienced is False
    assert bo.mentor is None


def test_inputs_targets_set_priorities_and_leave_offices_out(event, team, delegation, staff):
    senator, other, representative = delegation
    Target.objects.create(event=event, lawmaker=senator, priority=TargetPriority.MUST)
    Target.objects.create(event=event, lawmaker=representative, priority=TargetPriority.SKIP)
    inputs = plan_inputs(event=event)
    offices = {office.key: office.priority for office in inputs.problem.offices}
    assert offices == {senator.pk: Priority.MUST, other.pk: Priority.SHOULD}
    assert inputs.offices_excluded == {representative.pk: "staff chose to leave it out"}


def test_inputs_availability_defaults_to_the_day(event, chapter, delegation):
    early = participant(chapter)
    register(event, early, leave_at=datetime.time(12, 0))
    allday = participant(chapter)
    register(event, allday)
    inputs = plan_inputs(event=event)
    windows = {p.key: p.available for p in inputs.problem.participants}
    assert (windows[early.pk].starts_at, windows[early.pk].ends_at) == (
        at(event, 9),
        at(event, 12),
    )
    assert (windows[allday.pk].starts_at, windows[allday.pk].ends_at) == (
        at(event, 9),
        at(event, 17),
    )
    assert inputs.default_hours == 1


def test_inputs_people_without_a_district_are_listed_not_placed(event, chapter, delegation):
    nowhere = participant(chapter, zip_code="", state="")
    register(event, nowhere)
    ZipDistrictFactory(zcta="55414", state="MN", district=4)
    ZipDistrictFactory(zcta="55414", state="MN", district=5)
    torn = participant(chapter, zip_code="55414")
    register(event, torn)
    inputs = plan_inputs(event=event)
    assert inputs.unplaceable == [(nowhere, NO_DISTRICT)]
    assert inputs.district_choices == [torn]
    placed = next(p for p in inputs.problem.participants if p.key == torn.pk)
    # Placed with their senators; the representative is not guessed.
    assert placed.constituent_of == {s.pk for s in delegation[:2]}


def test_inputs_pins_and_incumbents_from_the_meetings(event, chapter, team, delegation, leader):
    senator, other, representative = delegation
    confirmed = MeetingFactory(
        event=event, chapter=chapter, lawmaker=senator, status=MeetingStatus.CONFIRMED
    )
    kept = MeetingFactory(
        event=event, chapter=chapter, lawmaker=other, starts_at=at(event, 11), keep=True
    )
    requested = MeetingFactory(
        event=event, chapter=chapter, lawmaker=representative, starts_at=at(event, 14)
    )
    seat_take(meeting_id=confirmed.pk, user=team[0], by_leader=True)
    seat_take(meeting_id=requested.pk, user=team[1], by_leader=True)
    inputs = plan_inputs(event=event)
    pins = {pin.meeting: pin.people for pin in inputs.problem.pins}
    assert pins == {confirmed.pk: {team[0].pk}, kept.pk: frozenset()}
    assert [(i.meeting, i.people) for i in inputs.problem.incumbents] == [
        (requested.pk, {team[1].pk})
    ]


def test_inputs_relationships_rules_and_programme(event, team, delegation):
    Acquaintance.objects.create(event=event, user=team[2], lawmaker=delegation[0])
    PlanRules.objects.create(
        event=event,
        team_min=1,
        team_max=3,
        max_meetings_per_person=2,
        lunch_starts=datetime.time(12, 30),
        lunch_ends=datetime.time(13, 30),
    )
    inputs = plan_inputs(event=event)
    cy = next(p for p in inputs.problem.participants if p.key == team[2].pk)
    assert cy.knows == {delegation[0].pk}
    rules = inputs.problem.rules
    assert (rules.team_min, rules.team_max, rules.max_meetings_per_person) == (1, 3, 2)
    assert rules.meeting_minutes == event.default_meeting_minutes
    assert [(label, w.starts_at, w.ends_at) for label, w in inputs.blocked] == [
        ("Lunch", at(event, 12, 30), at(event, 13, 30)),
        ("Lunch briefing", at(event, 12), at(event, 13)),
    ]
    senate, house = delegation[0], delegation[2]
    place = {o.key: o.place for o in inputs.problem.offices}
    assert rules.walking_minutes(place[senate.pk], place[house.pk]) == (
        event.gap_across_sides_minutes
    )


def test_inputs_chapter_scope_keeps_to_the_chapter(
    event, chapter, other_chapter, team, delegation
):
    outsider = participant(other_chapter, state="TN", zip_code="")
    register(event, outsider)
    inputs = plan_inputs(event=event, chapter=other_chapter)
    assert inputs.problem.participants == ()
    assert inputs.unplaceable == [(outsider, NO_DISTRICT)]
    mine = plan_inputs(event=event, chapter=chapter)
    assert {p.key for p in mine.problem.participants} == {person.pk for person in team}


def test_inputs_fingerprint_follows_the_data(event, team, delegation):
    before = plan_inputs(event=event).fingerprint
    assert plan_inputs(event=event).fingerprint == before
    registration = team[0].registrations.get()
    registration.leave_at = datetime.time(15, 0)
    registration.save()
    assert plan_inputs(event=event).fingerprint != before


@pytest.mark.parametrize("people", [1, 12])
def test_inputs_query_count_does_not_grow(
    event, chapter, delegation, people, django_assert_num_queries
):
    for n in range(people):
        user = participant(chapter, first_time=n % 2 == 0)
        register(event, user)
        Acquaintance.objects.create(event=event, user=user, lawmaker=delegation[0])
    MeetingFactory(event=event, chapter=chapter, lawmaker=delegation[1])
    # registrations, memberships, chapters, their states, ZIP rows, lawmakers of the states,
    # rules, targets, meetings, their seats, acquaintances
    with django_assert_num_queries(13):  # + the required training, + the programme items
        inputs = plan_inputs(event=event)
    assert len(inputs.problem.participants) == people


def test_programme_reads_time_ranges_only():
    items = programme_items(
        "8:00 Breakfast\n12:00\u201313:00 Lunch briefing\n1:00-1:30 pm Press call\n"
        "9:00-17:00 Meetings on the Hill\n8:30-9:15 am Training\nnonsense 99:99-1:00\n"
    )
    assert [(i.label, i.starts, i.ends) for i in items] == [
        ("Lunch briefing", datetime.time(12), datetime.time(13)),
        ("Press call", datetime.time(13), datetime.time(13, 30)),
        ("Training", datetime.time(8, 30), datetime.time(9, 15)),
    ]

"""Bad input on the "Plan the day" page (issue 12): a plain message, no partial write, no 500."""

import dataclasses

from django.urls import reverse

from meetings.models import Meeting, Seat, SeatStatus
from outbox.models import Email
from outbox.sending import message_for
from planner import runs
from planner.inputs import NO_DISTRICT
from planner.models import PlanRun, ProposedMeeting, RunStatus
from planner.problem import Outcome
from tests.factories import at
from tests.lawmakers.factories import ZipDistrictFactory
from tests.meetings.factories import MeetingFactory
from tests.planner_app.conftest import participant, register
from tests.planner_app.test_pages import make_plan


def _page(client, event):
    response = client.get(reverse("planner:plan", args=[event.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_participant_without_a_zip_is_listed_as_cannot_place(
    client_as, event, chapter, team, delegation
):
    homeless = participant(chapter, zip_code="", state="", first_name="Noa", last_name="Nils")
    register(event, homeless)

    page = _page(client_as("staff"), event)

    assert f"<strong>{homeless}</strong>: {NO_DISTRICT}" in page
    assert f'Ask for their ZIP code<span class="visually-hidden"> ({homeless})' in page


def test_participant_without_a_zip_is_asked_for_it_once_a_day(
    client_as, event, chapter, team, delegation
):
    homeless = participant(chapter, zip_code="", state="", first_name="Noa", last_name="Nils")
    register(event, homeless)
    url = reverse("planner:district_question", args=[event.slug, homeless.pk])
    client = client_as("staff")

    first = client.post(url, follow=True).content.decode()
    again = client.post(url, follow=True).content.decode()

    assert f"{homeless} is asked to add their home ZIP code." in first
    assert f"{homeless} was already asked today." in again
    (email,) = Email.objects.filter(kind="planner.district_question", to=homeless.email)
    assert email.context["missing_home"] is True
    assert email.context["url"].endswith(reverse("profile_edit"))
    assert message_for(email).subject == f"Where do you live? Your lawmakers for {event.name}"


def test_district_question_queues_one_email_per_person_and_no_more(
    client_as, event, chapter, team, delegation
):
    ZipDistrictFactory(zcta="55414", state="MN", district=4)
    ZipDistrictFactory(zcta="55414", state="MN", district=5)
    torn = [participant(chapter, zip_code="55414") for _ in range(2)]
    for person in torn:
        register(event, person)
    client = client_as("staff")
    page = _page(client, event)
    for person in torn:
        url = reverse("planner:district_question", args=[event.slug, person.pk])
        assert f'action="{url}"' in page
        client.post(url)
        client.post(url)  # a second click, or the page sent twice

    emails = Email.objects.filter(kind="planner.district_question")
    assert sorted(emails.values_list("to", flat=True)) == sorted(p.email for p in torn)
    assert {email.topic for email in emails} == {f"event:{event.pk}"}


def test_no_offices_to_meet_is_said_and_no_run_is_made(client_as, event, chapter):
    # Registered, with a district, but the import has no lawmaker for it.
    ZipDistrictFactory(zcta="55401", state="MN", district=5)
    register(event, participant(chapter))
    client = client_as("staff")

    assert "There are no offices to meet: add target offices first." in _page(client, event)
    response = client.post(
        reverse("planner:run_start", args=[event.slug]), {"time_limit_seconds": "5"}, follow=True
    )

    assert "There are no offices to meet" in response.content.decode()
    assert not PlanRun.objects.exists()


def test_contradicting_pins_are_named_on_the_page_and_nothing_is_offered(
    client_as, event, chapter, team, delegation, staff, accept_on_page
):
    senator, other, _ = delegation
    for lawmaker in (senator, other):
        meeting = MeetingFactory(
            event=event, chapter=chapter, lawmaker=lawmaker, starts_at=at(event, 10), keep=True
        )
        Seat.objects.create(meeting=meeting, user=team[0], status=SeatStatus.CONFIRMED)
    run = make_plan(event, staff)

    page = _page(client_as("staff"), event)

    assert "These meetings contradict each other" in page
    assert f"{team[0].full_name} cannot attend both the kept meeting with" in page
    assert str(senator) in page and str(other) in page
    assert "Accept the whole plan" not in page
    assert "No plan can meet every hard rule" in page
    assert "Plan again</button>" in page
    assert "This plan has no meetings to accept" in accept_on_page(client_as("staff"), run)
    assert Meeting.objects.count() == 2


def test_time_limit_reached_shows_the_best_plan_with_its_gap(
    client_as, event, team, delegation, staff, monkeypatch, accept_on_page
):
    real_solve = runs.solver.solve

    def stopped_by_the_clock(problem, **kwargs):
        plan = real_solve(problem, **kwargs)
        return dataclasses.replace(plan, outcome=Outcome.FEASIBLE, gap=0.04)

    monkeypatch.setattr(runs.solver, "solve", stopped_by_the_clock)
    run = make_plan(event, staff)

    page = _page(client_as("staff"), event)

    assert (run.status, run.outcome, run.gap) == (RunStatus.DONE, Outcome.FEASIBLE, 0.04)
    assert "The best plan found in 10 s, within 4% of the best possible." in page
    assert "Accept the whole plan" in page
    assert "Accepted: 3 meetings requested" in accept_on_page(client_as("staff"), run)


def test_accepting_twice_is_refused_on_the_page(
    client_as, event, team, delegation, staff, accept_on_page
):
    run = make_plan(event, staff)
    client = client_as("staff")
    accept_on_page(client, run)

    again = accept_on_page(client, run)

    assert "This plan was already accepted: make a new plan to change the day." in again
    assert "Everything in this plan is accepted. Plan again after the day changes." in again
    assert "Plan again</button>" in again
    assert Meeting.objects.count() == 3


def test_accepting_after_the_data_changed_is_refused_with_a_replan_button(
    client_as, event, chapter, team, delegation, staff, accept_on_page
):
    run = make_plan(event, staff)
    register(event, participant(chapter))

    page = accept_on_page(client_as("staff"), run)

    assert "The day changed since this plan was made" in page
    assert "Plan again with today's data</button>" in page
    assert not Meeting.objects.exists()
    assert not ProposedMeeting.objects.filter(run=run, accepted=True).exists()

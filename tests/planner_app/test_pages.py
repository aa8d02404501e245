"""The planner's pages: who may do what, constant query counts, and bad input answered plainly."""

import pytest
from django.urls import reverse

from outbox.models import Email
from planner.inputs import plan_inputs
from planner.models import (
    PlanAcceptance,
    PlanRules,
    PlanRun,
    ProposedMeeting,
    Target,
    TargetPriority,
)
from planner.runs import run_execute
from planner.views import plan_url
from tests.lawmakers.factories import ZipDistrictFactory
from tests.meetings.factories import MeetingFactory
from tests.permissions import LOGIN, assert_status, matrix
from tests.planner_app.conftest import participant, register


def make_plan(event, by, chapter=None) -> PlanRun:
    run = PlanRun.objects.create(
        event=event, chapter=chapter, requested_by=by, time_limit_seconds=10
    )
    run_execute(run_id=run.pk)
    run.refresh_from_db()
    return run


@pytest.fixture
def chapter_run(event, chapter, team, delegation, leader):
    return make_plan(event, leader, chapter=chapter)


@pytest.fixture
def urls(event, chapter, chapter_run, delegation, member):
    scope = f"?chapter={chapter.slug}"
    slug = [event.slug]
    return {
        "plan": reverse("planner:plan", args=slug),
        "plan_chapter": reverse("planner:plan", args=slug) + scope,
        "run_status": reverse("planner:run_status", args=[chapter_run.pk]),
        "run_start": reverse("planner:run_start", args=slug) + scope,
        "run_accept": reverse("planner:run_accept", args=[chapter_run.pk]),
        "acceptance_status": reverse(
            "planner:acceptance_status",
            args=[PlanAcceptance.objects.create(run=chapter_run, chapter=chapter).pk],
        ),
        "rules": reverse("planner:rules", args=slug),
        "target_add": reverse("planner:target_add", args=slug),
        "targets_from_committees": reverse("planner:targets_from_committees", args=slug),
        "target_priority": reverse("planner:target_priority", args=[event.slug, delegation[0].pk]),
        "district_question": reverse("planner:district_question", args=[event.slug, member.pk])
        + scope,
        "acquaintances": reverse("planner:acquaintances", args=slug),
    }


# fmt: off
PAGES = {
    #                anonymous member leader other_leader staff
    "plan":          (LOGIN,    403,   302,   302,         200),
    "plan_chapter":  (LOGIN,    403,   200,   403,         200),
    "run_status":    (LOGIN,    403,   200,   403,         200),
    "acceptance_status": (LOGIN, 403,  200,   403,         200),
    "acquaintances": (LOGIN,    200,   403,   403,         403),
}
CHANGES = {
    "run_start":               (LOGIN, 403, 302, 403, 302),
    "run_accept":              (LOGIN, 403, 302, 403, 302),
    "rules":                   (LOGIN, 403, 403, 403, 302),
    "target_add":              (LOGIN, 403, 403, 403, 302),
    "targets_from_committees": (LOGIN, 403, 403, 403, 302),
    "target_priority":         (LOGIN, 403, 403, 403, 302),
    "district_question":       (LOGIN, 403, 302, 403, 302),
}
# fmt: on


def posted(name, event, chapter, delegation):
    return {
        "run_start": {"time_limit_seconds": "5"},
        "run_accept": {"chapter": str(chapter.pk)},
        "rules": {
            "default_meeting_minutes": "20",
            "team_min": "1",
            "team_max": "4",
            "max_meetings_per_person": "3",
            "gap_same_building_minutes": "5",
            "gap_same_side_minutes": "10",
            "gap_across_sides_minutes": "20",
        },
        "target_add": {"lawmaker": str(delegation[0].pk), "priority": "must"},
        "targets_from_committees": {"committees": [], "priority": "must"},
        "target_priority": {"priority": "nice"},
        "district_question": {},
    }[name]


@pytest.fixture
def registered_member(event, member, delegation):
    profile = member.profile
    profile.state, profile.zip_code = "MN", "55401"
    profile.save()
    register(event, member)
    return member


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_planner_pages_permissions(client_as, urls, registered_member, view, role, expected):
    assert_status(client_as(role).get(urls[view]), expected)


@pytest.mark.parametrize(("view", "role", "expected"), matrix(CHANGES))
def test_planner_changes_permissions(
    client_as, urls, event, chapter, delegation, registered_member, view, role, expected
):
    response = client_as(role).post(urls[view], posted(view, event, chapter, delegation))
    assert_status(response, expected)


def test_leader_without_a_scope_lands_on_their_chapter(client_as, event, chapter, team):
    response = client_as("leader").get(reverse("planner:plan", args=[event.slug]))
    assert response.url == reverse("planner:plan", args=[event.slug]) + f"?chapter={chapter.slug}"


def test_leader_cannot_accept_another_scope_or_single_meetings(
    client_as, event, chapter, chapter_run
):
    row = ProposedMeeting.objects.filter(run=chapter_run).first()
    response = client_as("leader").post(
        reverse("planner:run_accept", args=[chapter_run.pk]), {"meetings": [row.pk]}
    )
    assert response.status_code == 403
    assert not ProposedMeeting.objects.filter(accepted=True).exists()


@pytest.mark.parametrize("people", [1, 15])
def test_plan_page_queries_do_not_grow(
    client_as, event, chapter, delegation, staff, people, django_assert_num_queries
):
    for n in range(people):
        register(event, participant(chapter, first_time=n % 3 == 0))
    register(event, participant(chapter, zip_code="", state=""))
    MeetingFactory(event=event, chapter=chapter, lawmaker=delegation[0])
    Target.objects.create(event=event, lawmaker=delegation[1], priority=TargetPriority.MUST)
    make_plan(event, staff)
    client = client_as("staff")
    # session, user, event, the day's inputs (11), rules (the page's), the latest run, its
    # draft, the office picker's lawmakers, committees (any, then the list), chapters
    with django_assert_num_queries(24):  # + the required training, + the programme items
        response = client.get(reverse("planner:plan", args=[event.slug]))
    assert response.status_code == 200
    assert len(response.context["inputs"].problem.participants) == people


@pytest.mark.parametrize("people", [1, 15])
def test_board_with_a_draft_keeps_its_query_count(
    client_as, event, chapter, delegation, staff, people, django_assert_num_queries
):
    for _ in range(people):
        register(event, participant(chapter))
    PlanRules.objects.create(event=event, team_min=1)
    run = make_plan(event, staff)
    assert ProposedMeeting.objects.filter(run=run).count() == 3
    client = client_as("staff")
    # the board's own, the newest draft, its rows and the people's names, whatever the size
    with django_assert_num_queries(13):
        response = client.get(reverse("meetings:board", args=[event.slug, chapter.slug]))
    board = response.context["board"]
    assert len(board.proposed) == 3
    assert "Proposed" in response.content.decode()
    hidden = client.get(
        reverse("meetings:board", args=[event.slug, chapter.slug]) + "?proposed=off"
    )
    assert hidden.context["board"].proposed == []


def test_plan_page_shows_summary_and_accept_buttons(
    client_as, event, chapter, team, delegation, staff
):
    make_plan(event, staff)
    page = client_as("staff").get(reverse("planner:plan", args=[event.slug])).content.decode()
    assert "Optimal: no better plan exists under these rules." in page
    assert "Accept the whole plan" in page
    assert f"Accept {chapter.name}" in page
    assert "meetings per person (min / median / max)" in page
    assert "Accepting this plan changes the day of <strong>3 people</strong>" in page


def test_plan_page_after_a_change_offers_a_replan(
    client_as, event, chapter, team, delegation, staff
):
    make_plan(event, staff)
    register(event, participant(chapter))
    page = client_as("staff").get(reverse("planner:plan", args=[event.slug])).content.decode()
    assert "The day changed since this plan was made" in page
    assert "Plan again with today's data" in page
    assert "Accept the whole plan" not in page


def test_plan_page_with_nothing_to_plan_says_so(client_as, event, delegation):
    page = client_as("staff").get(reverse("planner:plan", args=[event.slug])).content.decode()
    assert "Nobody is registered yet" in page
    response = client_as("staff").post(
        reverse("planner:run_start", args=[event.slug]), {"time_limit_seconds": "5"}, follow=True
    )
    assert "Nobody is registered yet" in response.content.decode()
    assert not PlanRun.objects.exists()


@pytest.mark.parametrize(
    ("view", "data"),
    [
        ("rules", {"team_min": "5", "team_max": "2"}),
        ("rules", {"team_min": "x"}),
        ("target_add", {"lawmaker": "999999", "priority": "must"}),
        ("target_add", {"lawmaker": "", "priority": "sometimes"}),
        ("run_start", {"time_limit_seconds": "-3"}),
        ("run_start", {"time_limit_seconds": "a lot"}),
        ("targets_from_committees", {"committees": ["999"], "priority": "must"}),
    ],
)
def test_planner_junk_is_refused_without_error(client_as, event, team, view, data):
    response = client_as("staff").post(
        reverse(f"planner:{view}", args=[event.slug]), data, follow=True
    )
    assert response.status_code == 200
    assert response.context["messages"]
    assert not PlanRules.objects.exists()
    assert not Target.objects.exists()


def test_rules_save_contradicting_team_sizes_says_why(client_as, event, chapter, delegation):
    data = posted("rules", event, chapter, delegation) | {"team_min": "5", "team_max": "2"}
    response = client_as("staff").post(
        reverse("planner:rules", args=[event.slug]), data, follow=True
    )
    assert "largest size at least its smallest" in response.content.decode()


def test_accept_with_unknown_meetings_is_refused(client_as, event, team, delegation, staff):
    run = make_plan(event, staff)
    response = client_as("staff").post(
        reverse("planner:run_accept", args=[run.pk]), {"meetings": ["0", "x"]}, follow=True
    )
    assert "Those meetings are not in this plan." in response.content.decode()


def test_district_question_is_emailed_once_a_day(client_as, event, chapter, delegation):
    ZipDistrictFactory(zcta="55414", state="MN", district=4)
    ZipDistrictFactory(zcta="55414", state="MN", district=5)
    torn = participant(chapter, zip_code="55414")
    register(event, torn)
    url = reverse("planner:district_question", args=[event.slug, torn.pk])
    client = client_as("staff")
    first = client.post(url, follow=True).content.decode()
    second = client.post(url, follow=True).content.decode()
    assert "is asked to choose their district" in first
    assert "was already asked today" in second
    email = Email.objects.get()
    assert (email.to, email.kind) == (torn.email, "planner.district_question")


def test_district_question_for_someone_settled_is_refused(client_as, event, team):
    url = reverse("planner:district_question", args=[event.slug, team[0].pk])
    page = client_as("staff").post(url, follow=True).content.decode()
    assert "has no district to choose" in page
    assert not Email.objects.exists()


def test_participant_names_an_office_they_know(client_as, event, registered_member, delegation):
    client = client_as("member")
    url = reverse("planner:acquaintances", args=[event.slug])
    response = client.post(url, {"lawmaker": str(delegation[2].pk)}, follow=True)
    assert "the plan keeps you in the meeting with" in response.content.decode()
    me = next(
        p for p in plan_inputs(event=event).problem.participants if p.key == registered_member.pk
    )
    assert me.knows == {delegation[2].pk}


def test_run_status_reports_progress_as_json(client_as, chapter_run):
    response = client_as("leader").get(reverse("planner:run_status", args=[chapter_run.pk]))
    assert response.json() == {
        "status": "done",
        "progress": 100,
        "message": "Optimal: no better plan exists under these rules.",
        "finished": True,
    }


def test_acceptance_status_reports_as_json(client_as, chapter, chapter_run):
    acceptance = PlanAcceptance.objects.create(run=chapter_run, chapter=chapter, meetings=3)
    url = reverse("planner:acceptance_status", args=[acceptance.pk])
    response = client_as("leader").get(url)
    assert response.json() == {
        "status": "queued",
        "message": "Accepting 3 meetings: the meetings and seats are being made.",
        "finished": False,
    }


def test_plan_page_follows_an_acceptance_under_way(client_as, event, chapter, chapter_run):
    PlanAcceptance.objects.create(run=chapter_run, chapter=chapter, meetings=3)
    page = client_as("leader").get(plan_url(event, chapter)).content.decode()
    assert "Accepting 3 meetings" in page
    assert "data-plan-acceptance" in page
    assert "Accept Minnesota" not in page  # no second acceptance while one is under way


@pytest.mark.parametrize(("role", "shown"), [("member", False), ("leader", True), ("staff", True)])
def test_event_page_links_plan_the_day_for_planners(client_as, event, role, shown):
    page = client_as(role).get(reverse("events:detail", args=[event.slug])).content.decode()
    assert ("Plan the day" in page) is shown


def test_leader_accepts_their_chapter_part_on_the_page(
    client_as, chapter, chapter_run, accept_on_page
):
    page = accept_on_page(client_as("leader"), chapter_run, {"chapter": chapter.pk})
    assert "Accepted: 3 meetings requested" in page
    assert not ProposedMeeting.objects.filter(run=chapter_run, accepted=False).exists()

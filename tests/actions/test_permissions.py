"""Who may open what: campaigns for those who may act, dashboards and exports for managers."""

import pytest
from django.urls import reverse

from actions.models import Action, Channel, Outcome, Supporter
from lawmakers.models import Level
from tests.actions.factories import CampaignFactory
from tests.factories import ChapterFactory
from tests.permissions import LOGIN, assert_status, matrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaigns(chapter, other_chapter):
    return {
        "national": CampaignFactory(slug="national"),
        "members_only": CampaignFactory(slug="members-only", is_public=False),
        "chapter": CampaignFactory(slug="mn", level=Level.STATE, state="MN", chapter=chapter),
    }


PAGES = {
    # anonymous, member, leader, other_leader, staff
    "list": (200, 200, 200, 200, 200),
    "start_public": (200, 200, 200, 200, 200),
    "start_members_only": (404, 200, 200, 200, 200),
    "mine": (LOGIN, 200, 200, 200, 200),
    "forget": (200, 200, 200, 200, 200),
    "manage": (LOGIN, 403, 200, 200, 200),
    "create": (LOGIN, 403, 200, 200, 200),
    "dashboard_national": (LOGIN, 403, 200, 200, 200),
    "dashboard_chapter": (LOGIN, 403, 200, 403, 200),
    "edit_national": (LOGIN, 403, 403, 403, 200),
    "edit_chapter": (LOGIN, 403, 200, 403, 200),
    "export_chapter": (LOGIN, 403, 200, 403, 200),
    "export_national": (LOGIN, 403, 200, 200, 200),
}


def url_of(view, campaigns):
    return {
        "list": reverse("actions:list"),
        "start_public": reverse("actions:start", args=["national"]),
        "start_members_only": reverse("actions:start", args=["members-only"]),
        "mine": reverse("actions:mine"),
        "forget": reverse("actions:forget"),
        "manage": reverse("actions:manage"),
        "create": reverse("actions:create"),
        "dashboard_national": reverse("actions:dashboard", args=["national"]),
        "dashboard_chapter": reverse("actions:dashboard", args=["mn"]),
        "edit_national": reverse("actions:edit", args=["national"]),
        "edit_chapter": reverse("actions:edit", args=["mn"]),
        "export_chapter": reverse("actions:export", args=["mn", "csv"]),
        "export_national": reverse("actions:export", args=["national", "xlsx"]),
    }[view]


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_permission_matrix(client_as, campaigns, view, role, expected):
    response = client_as(role).get(url_of(view, campaigns))
    assert_status(response, expected)


def test_a_leader_sees_a_national_campaigns_actions_from_their_states_only(
    client, leader, campaigns, delegation
):
    campaign = campaigns["national"]
    tn = ChapterFactory(states=["TN"])
    del tn
    for state in ("MN", "TN"):
        Action.objects.create(
            campaign=campaign,
            lawmaker=delegation["mn4"],
            channel=Channel.CALL_CAPITOL,
            outcome=Outcome.SPOKE,
            state=state,
        )
    client.force_login(leader)
    page = client.get(reverse("actions:dashboard", args=["national"]))
    assert page.context["board"].total == 1
    rows = b"".join(client.get(reverse("actions:export", args=["national", "csv"]))).decode()
    assert rows.count("\n") == 2  # the header and the MN action


def test_the_public_sees_nothing_of_other_supporters(client, campaigns, delegation):
    other = Supporter.objects.create(name="Someone Else", email="else@example.org")
    Action.objects.create(
        campaign=campaigns["national"],
        lawmaker=delegation["mn4"],
        channel=Channel.CALL_CAPITOL,
        outcome=Outcome.SPOKE,
        supporter=other,
    )
    client.post(
        reverse("actions:start", args=["national"]),
        {"name": "Rosa", "email": "rosa@example.org", "zip_code": "55102"},
    )
    page = client.get(reverse("actions:act", args=["national"]))
    assert "Someone Else" not in page.text
    assert "Nothing yet" in page.text


def test_posting_actions_to_a_members_only_campaign_needs_a_login(client, campaigns, delegation):
    response = client.post(
        reverse("actions:log", args=["members-only"]),
        {"lawmaker": delegation["mn4"].pk, "channel": "call_capitol", "outcome": "spoke"},
    )
    assert response.status_code == 404
    assert not Action.objects.exists()

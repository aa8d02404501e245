"""The lawmaker page's panel: campaign actions to the office, for staff and the state's leaders."""

import html

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from actions.models import Action, Channel, Outcome
from tests.actions.factories import CampaignFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged(delegation, chapter, other_chapter):
    national = CampaignFactory(title="Fund counsel")
    others = CampaignFactory(
        title="Tennessee's own", chapter=other_chapter, level="state", state="TN"
    )
    for campaign, channel, outcome in [
        (national, Channel.CALL_CAPITOL, Outcome.SPOKE),
        (national, Channel.PRINTED, Outcome.PRINTED),
        (others, Channel.CALL_DISTRICT, Outcome.BUSY),
    ]:
        Action.objects.create(
            campaign=campaign, lawmaker=delegation["mn4"], channel=channel, outcome=outcome
        )
    return reverse("lawmakers:detail", args=[delegation["mn4"].public_id])


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("anonymous", None),
        ("member", None),
        ("other_leader", None),
        ("leader", ["Fund counsel: 2 actions, 1 call"]),
        ("staff", ["Fund counsel: 2 actions, 1 call", "Tennessee's own: 1 action, 1 call"]),
    ],
)
def test_the_panel_shows_each_person_what_they_may_see(client_as, logged, role, shown):
    page = client_as(role).get(logged)
    if page.status_code == 302:
        assert shown is None
        return
    text = html.unescape(strip_tags(page.content.decode()))
    if shown is None:
        assert "Letters and calls from campaigns" not in text
    else:
        for line in shown:
            assert line in text
        if role == "leader":
            assert "Tennessee" not in text

"""Public pages: rate limits in the real (Redis) cache, no enumeration, forgetting."""

import re
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from actions.models import Action, Channel, Outcome, Supporter
from actions.selectors import open_campaigns_for_event
from actions.services import supporters_forget
from outbox.models import Email
from tests.actions.factories import CampaignFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def address():
    """A client address of this test's own, so counts in the shared cache start at zero."""
    return f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"


def home(email="rosa@example.org"):
    return {"name": "Rosa", "email": email, "zip_code": "55102"}


def test_one_address_is_refused_past_its_limit(client, settings, campaign, delegation, address):
    settings.ACTIONS_LIMIT_PER_ADDRESS = 3
    url = reverse("actions:start", args=[campaign.slug])
    answers = [
        client.post(url, home(f"p{n}@example.org"), REMOTE_ADDR=address).status_code
        for n in range(5)
    ]
    assert answers == [302, 302, 302, 429, 429]
    other = client.post(url, home("q@example.org"), REMOTE_ADDR=address + "1")
    assert other.status_code == 302


def test_one_email_is_refused_past_its_limit_from_any_address(
    client, settings, campaign, delegation
):
    settings.ACTIONS_LIMIT_PER_EMAIL = 2
    email = f"{uuid.uuid4().hex}@example.org"
    url = reverse("actions:start", args=[campaign.slug])
    answers = [
        client.post(url, home(email), REMOTE_ADDR=f"10.9.9.{n}").status_code for n in range(4)
    ]
    assert answers == [302, 302, 429, 429]


def test_logging_is_rate_limited_and_refused_posts_log_nothing(
    client, settings, campaign, delegation, address
):
    client.post(reverse("actions:start", args=[campaign.slug]), home(), REMOTE_ADDR=address)
    client.get(reverse("actions:act", args=[campaign.slug]))
    settings.ACTIONS_LIMIT_PER_ADDRESS = 3  # the start above counted one
    answers = [
        client.post(
            reverse("actions:log", args=[campaign.slug]),
            {"lawmaker": delegation["mn4"].pk, "channel": "call_capitol", "outcome": "spoke"},
            REMOTE_ADDR=address,
        ).status_code
        for _ in range(4)
    ]
    assert answers == [302, 302, 429, 429]
    assert Action.objects.count() == 2


def test_forgetting_erases_the_person_and_keeps_the_counts(client, campaign, delegation):
    client.post(reverse("actions:start", args=[campaign.slug]), home())
    client.get(reverse("actions:act", args=[campaign.slug]))
    client.post(
        reverse("actions:log", args=[campaign.slug]),
        {"lawmaker": delegation["mn4"].pk, "channel": "call_capitol", "outcome": "spoke"},
    )
    response = client.post(reverse("actions:forget"), {"email": "ROSA@example.org"})
    assert "If we hold anything under that address" in response.text
    email = Email.objects.get(kind="actions.forget")
    assert email.to == "rosa@example.org"
    link = email.context["link"]
    assert "rosa" not in link  # no personal data in the address
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert "Erase my details" in client.get("/" + path).text
    client.post("/" + path)
    supporter = Supporter.objects.get()
    assert (supporter.name, supporter.email, supporter.zip_code) == ("", "", "")
    assert supporter.forgotten_at is not None
    action = Action.objects.get()
    assert action.zip_code == "" and action.state == "MN"
    assert "nothing left to erase" in client.get("/" + path).text


def test_asking_to_forget_an_unknown_address_answers_the_same_and_sends_nothing(client):
    response = client.post(reverse("actions:forget"), {"email": "nobody@example.org"})
    assert "If we hold anything under that address" in response.text
    assert not Email.objects.exists() and not mail.outbox


def test_a_forged_forget_link_is_refused(client):
    response = client.get(reverse("actions:forget_confirm", args=["1:forged:sig"]))
    assert response.status_code == 400


def test_the_public_event_page_gets_open_public_linked_campaigns(event, delegation):
    linked = CampaignFactory(event=event, event_timing="before")
    CampaignFactory(event=event, event_timing="before", is_public=False)
    CampaignFactory()
    assert list(open_campaigns_for_event(event)) == [linked]


def test_a_campaign_pages_address_holds_no_personal_data(client, campaign, delegation):
    response = client.post(reverse("actions:start", args=[campaign.slug]), home())
    assert response.url == reverse("actions:act", args=[campaign.slug])
    page = client.get(response.url)
    addresses = re.findall(r'(?:href|action)="([^"]*)"', page.text)
    assert addresses and not [a for a in addresses if "rosa" in a.lower() or "55102" in a]


def test_actions_count_after_the_supporter_row_is_forgotten(campaign, delegation):
    supporter = Supporter.objects.create(name="A", email="a@example.org")
    Action.objects.create(
        campaign=campaign,
        lawmaker=delegation["mn4"],
        channel=Channel.PRINTED,
        outcome=Outcome.PRINTED,
        supporter=supporter,
    )
    assert supporters_forget(email="a@example.org") == 1
    assert Action.objects.filter(campaign=campaign).count() == 1

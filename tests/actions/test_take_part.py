"""The action centre on a public event page: its open public campaigns for that day."""

import datetime

from django.urls import reverse
from django.utils import timezone

from actions.models import EventTiming
from press.services import page_create
from tests.actions.factories import CampaignFactory


def _public_page(event, staff):
    page = page_create(by=staff, event=event)
    page.is_published = True
    page.save()
    return page


def test_the_days_open_public_campaigns_are_on_its_public_page(client, event, staff):
    page = _public_page(event, staff)
    linked = CampaignFactory(
        event=event, event_timing=EventTiming.AFTER, title="Thank the offices"
    )
    CampaignFactory(
        event=event, event_timing=EventTiming.AFTER, title="Members only", is_public=False
    )
    CampaignFactory(
        event=event,
        event_timing=EventTiming.BEFORE,
        title="Over already",
        ends_at=timezone.now() - datetime.timedelta(hours=1),
        starts_at=timezone.now() - datetime.timedelta(days=3),
    )
    CampaignFactory(title="Another day's campaign")

    html = client.get(reverse("press:public", args=[page.slug])).content.decode()

    assert "Write or call your lawmakers" in html
    assert reverse("actions:start", args=[linked.slug]) in html
    for hidden in ("Members only", "Over already", "Another day&#x27;s campaign"):
        assert hidden not in html


def test_no_campaign_no_section(client, event, staff):
    page = _public_page(event, staff)

    html = client.get(reverse("press:public", args=[page.slug])).content.decode()

    assert "Write or call your lawmakers" not in html


def test_every_public_page_offers_find_your_chapter(client, event, staff):
    page = _public_page(event, staff)

    html = client.get(reverse("press:public", args=[page.slug])).content.decode()

    assert f'action="{reverse("joining:find")}"' in html
    assert 'name="zip"' in html

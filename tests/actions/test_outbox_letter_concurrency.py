"""A double tap, or twenty: one letter per person, office and campaign, at the real PostgreSQL."""

import pytest

from actions.letters import Writer
from actions.models import Action, Channel
from actions.services import Actor, letter_send_by_outbox
from outbox.models import Email
from tests.actions.factories import CampaignFactory
from tests.concurrency import run_together

TAPS = 20
CONNECTIONS = 10


@pytest.fixture
def world(transactional_db, chapter, state_lawmakers):
    campaign = CampaignFactory(
        level="state", state="MN", chapter=chapter, allows_outbox_email=True
    )
    return campaign, state_lawmakers["upper"]


def test_many_taps_at_once_send_one_letter_and_log_one_action(world):
    campaign, senator = world
    actor = Actor(
        writer=Writer(name="Rosa Díaz", email="rosa@example.org", zip_code="55102"),
        state="MN",
        district=4,
    )

    refused, failed = run_together(
        range(TAPS),
        lambda _: letter_send_by_outbox(campaign=campaign, lawmaker=senator, actor=actor),
        connections=CONNECTIONS,
    )

    assert (refused, failed) == ([], [])
    assert Email.objects.filter(kind="actions.letter").count() == 1
    assert Action.objects.filter(channel=Channel.OUTBOX_EMAIL).count() == 1

import datetime

import pytest
from django.utils import timezone

from tests.factories import EventFactory


@pytest.fixture
def client_as(client, roles):
    def log_in(role: str):
        if roles[role] is not None:
            client.force_login(roles[role])
        return client

    return log_in


@pytest.fixture
def event(db):
    return EventFactory(
        name="National Day of Action",
        slug="national",
        agenda="8:00 Briefing\n9:00 Meetings",
        registration_closes_at=timezone.now() + datetime.timedelta(days=30),
    )


@pytest.fixture
def draft_event(db):
    return EventFactory(name="Next year", slug="next-year", status="draft")

import datetime

import pytest
from django.utils import timezone

from tests.factories import EventFactory


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

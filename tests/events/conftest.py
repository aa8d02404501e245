import datetime

import pytest
from django.utils import timezone

from tests.factories import EventFactory


@pytest.fixture
def event(event):
    """The shared national day, with an agenda and registration open for a month."""
    event.agenda = "8:00 Briefing\n9:00 Meetings"
    event.registration_closes_at = timezone.now() + datetime.timedelta(days=30)
    event.save()
    return event


@pytest.fixture
def draft_event(db):
    return EventFactory(name="Next year", slug="next-year", status="draft")

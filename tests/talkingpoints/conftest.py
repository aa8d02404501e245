# The fixtures imported from leader_fixtures are used by name as arguments.
# ruff: noqa: F811

import pytest

from meetings.models import Seat, SeatStatus
from tests.factories import UserFactory
from tests.meetings.leader_fixtures import (  # noqa: F401 - fixtures shared with meetings tests
    event,
    meeting,
    other_meeting,
    representative,
    senator,
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def seated(meeting, member):
    """The member has a confirmed seat in `meeting`, as a constituent."""
    Seat.objects.create(
        meeting=meeting, user=member, status=SeatStatus.CONFIRMED, is_constituent=True
    )
    return member


@pytest.fixture
def outsider(db):
    """Logged in, but neither in the chapter nor in the meeting."""
    return UserFactory()

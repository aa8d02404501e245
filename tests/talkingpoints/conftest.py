import pytest

from meetings.models import Seat, SeatStatus
from tests.factories import UserFactory


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

"""An office that wants to meet by video: its own link wins over ours, and people are told."""

import pytest
from django.core.cache import cache

from meetings.models import LineHost, MeetingMode
from tests.officerequests.test_replies import link

pytestmark = pytest.mark.django_db

TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def test_office_sending_its_link_puts_the_meeting_on_its_line(client, meeting):
    client.post(link(meeting), {"answer": "video", "join_url": TEAMS})

    meeting.refresh_from_db()
    assert (meeting.mode, meeting.line_host, meeting.join_url) == (
        MeetingMode.VIDEO,
        LineHost.OFFICE,
        TEAMS,
    )
    assert (meeting.building, meeting.room, meeting.join_provider) == ("", "", "Microsoft Teams")


def test_office_asking_for_video_without_a_link_gets_a_room_of_ours(client, meeting, settings):
    settings.VIDEO_SERVER_URL = "https://video.example.org"

    client.post(link(meeting), {"answer": "video"})

    meeting.refresh_from_db()
    assert (meeting.mode, meeting.line_host) == (MeetingMode.VIDEO, LineHost.OURS)
    assert meeting.join_url.startswith("https://video.example.org/dayofaction-")


def test_office_link_replaces_ours_when_it_comes_later(client, meeting, settings):
    settings.VIDEO_SERVER_URL = "https://video.example.org"
    client.post(link(meeting), {"answer": "video"})

    client.post(link(meeting), {"answer": "video", "join_url": TEAMS})

    meeting.refresh_from_db()
    assert (meeting.join_url, meeting.line_host) == (TEAMS, LineHost.OFFICE)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"answer": "video", "join_url": "http://teams.example/x"}, "https://"),
        ({"answer": "video", "join_url": "teams please"}, "not a web address"),
        ({"answer": "accept", "join_url": TEAMS}, "goes with"),
    ],
)
def test_office_bad_link_is_refused_on_the_form(client, meeting, data, words):
    response = client.post(link(meeting), data)

    assert response.status_code == 200
    assert words in " ".join(response.context["form"].errors["join_url"])
    meeting.refresh_from_db()
    assert meeting.mode == MeetingMode.IN_PERSON

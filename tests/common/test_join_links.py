"""Join links: https only, providers known by their host, rooms of our own nobody can guess."""

import pytest
from django.core.exceptions import ValidationError

from common.join_links import join_link_clean, own_room_available, own_room_new, provider_name


@pytest.mark.parametrize(
    ("url", "provider"),
    [
        ("https://us02web.zoom.us/j/85512345678?pwd=abc", "Zoom"),
        ("https://zoom.us/j/85512345678", "Zoom"),
        ("https://teams.microsoft.com/l/meetup-join/19%3ameeting", "Microsoft Teams"),
        ("https://meet.google.com/abc-defg-hij", "Google Meet"),
        ("https://senate.webex.com/meet/jdoe", "Webex"),
        ("https://meet.jit.si/OurLobbyDay", "Jitsi"),
        ("https://video.house.example/room/42", "video.house.example"),
    ],
)
def test_join_link_provider_is_recognised_by_its_host(url, provider):
    assert join_link_clean(url).provider == provider


def test_join_link_host_that_only_ends_like_a_provider_is_not_that_provider():
    assert provider_name("https://notzoom.us/j/1") == "notzoom.us"


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://zoom.us/j/85512345678", "must start with https://"),
        ("zoom.us/j/85512345678", "not a web address"),
        ("https://", "not a web address"),
        ("https://zoom us/j/1", "not a web address"),
        ("javascript:alert(1)", "not a web address"),
        ("ftp://files.example.org/x", "not a web address"),
        ("", "Give the join link"),
    ],
)
def test_join_link_bad_addresses_are_refused_with_a_clear_message(url, words):
    with pytest.raises(ValidationError) as refused:
        join_link_clean(url)
    assert words in " ".join(refused.value.messages)


def test_own_room_is_on_our_server_with_an_unguessable_name(settings):
    settings.VIDEO_SERVER_URL = "https://video.example.org"

    first, second = own_room_new(), own_room_new()

    assert own_room_available()
    assert first.url.startswith("https://video.example.org/dayofaction-")
    assert first.url != second.url
    # 16 random bytes in URL-safe base64 (which may hold "-" itself): 22 characters.
    assert len(first.url.removeprefix("https://video.example.org/dayofaction-")) == 22
    assert first.provider == "our video server"
    assert provider_name(first.url) == "our video server"


def test_own_room_without_a_server_is_refused(settings):
    settings.VIDEO_SERVER_URL = ""

    assert not own_room_available()
    with pytest.raises(ValueError, match="DAYOFACTION_VIDEO_SERVER_URL"):
        own_room_new()

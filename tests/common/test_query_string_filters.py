"""Query strings are input: a NUL or a far date in a filter is named on the page, not a 500."""

import html

import pytest
from django.urls import reverse

from common.forms import DATE_RANGE_MESSAGE, NUL_MESSAGE

NUL = "a\x00b"

FILTERS = [
    ("leader", "chapters:roster", True, {"q": NUL}),
    ("leader", "chapters:roster", True, {"state": NUL}),
    ("leader", "chapters:roster", True, {"first_time": NUL}),
    ("leader", "chapters:roster", True, {"practice_area": NUL}),
    ("staff", "outbox:list", False, {"q": NUL}),
    ("staff", "outbox:list", False, {"kind": NUL}),
    ("staff", "outbox:list", False, {"state": NUL}),
    ("staff", "lawmakers:directory", False, {"q": NUL}),
    ("staff", "lawmakers:directory", False, {"committee": NUL}),
    ("staff", "reports:exports", False, {"event": NUL}),
    ("staff", "reports:exports", False, {"date_from": NUL}),
    ("staff", "reports:exports", False, {"date_to": "9999-12-31"}),
    ("staff", "reports:exports", False, {"date_from": "0001-01-01"}),
]


@pytest.mark.parametrize(("role", "name", "by_chapter", "query"), FILTERS)
def test_a_bad_query_string_filter_is_a_field_error_on_the_page(
    client_as, chapter, role, name, by_chapter, query
):
    url = reverse(name, args=[chapter.slug] if by_chapter else [])
    response = client_as(role).get(url, query)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    expected = DATE_RANGE_MESSAGE if "\x00" not in next(iter(query.values())) else NUL_MESSAGE
    assert expected in page


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("outbox:list", {"page": NUL}),
        ("outbox:list", {"page": "99999999999999999999"}),
        ("lawmakers:directory", {"page": "-1"}),
        ("followup:thank_you_list", {"page": NUL}),
    ],
)
def test_a_bad_page_number_shows_a_page(client_as, name, query):
    assert client_as("staff").get(reverse(name), query).status_code == 200


def test_a_bad_status_in_the_invitation_list_lists_them_all(client_as, chapter):
    url = reverse("chapters:invitations", args=[chapter.slug])
    assert client_as("leader").get(url, {"status": NUL, "page": NUL}).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/lawmakers/a%00b/",
        "/coalitions/rsvp/a%00b/",
        "/coalitions/act/a%00b/",
        "/coalitions/postcards/a%00b/",
        "/invitations/a%00b/",
        "/follow-up/seat/a%00b/",
        "/outbox/unsubscribe/a%00b/",
        "/calendar/a%00b.ics",
    ],
)
def test_a_nul_in_a_link_is_a_page_not_a_crash(client_as, path):
    client = client_as("staff")
    client.raise_request_exception = True
    assert client.get(path).status_code == 404


def test_a_nul_in_a_template_kind_is_not_found(client_as, chapter):
    url = reverse("coalitions:template", args=[chapter.slug, "a\x00b"])
    assert client_as("leader").get(url).status_code == 404


@pytest.mark.parametrize(
    "target", ["a\x00b", "home", "https://elsewhere.example/", "//x.example/"]
)
def test_a_bad_next_after_revoking_the_calendar_goes_home(client_as, target):
    response = client_as("member").post(reverse("meetings:calendar_revoke"), {"next": target})
    assert (response.status_code, response["Location"]) == (302, reverse("home"))

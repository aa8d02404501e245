"""Account pages in the app's own words, with valid markup and a description on public pages."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from coalitions import access
from tests.coalitions.factories import CoalitionEventFactory, GuestFactory
from tests.factories import ChapterFactory

ALLAUTH_WORDING = re.compile(r"Sign In|Sign Up|Sign Out|Remember Me|sign in\b|Stay Signed In")
ACCOUNT_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
]


def meta_description(html: str) -> str:
    found = re.search(r'<meta name="description" content="([^"]*)"', html)
    return found.group(1) if found else ""


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_account_page_says_log_in_and_sign_up_as_the_app_does(client, db, name):
    html = client.get(reverse(name)).content.decode()
    assert ALLAUTH_WORDING.findall(html) == []


def test_login_page_title_heading_button_and_label_say_log_in(client, db):
    html = client.get(reverse("account_login")).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert " ".join(title.split()) == "Log in · Day of Action"
    assert re.search(r"<h1>\s*Log in\s*</h1>", html)
    assert re.search(r'<button[^>]*type="submit"[^>]*>\s*Log in\s*</button>', html)
    assert '<label for="id_remember">Keep me logged in' in html


def test_logged_in_member_logs_out_from_a_page_that_says_log_out(client, member):
    client.force_login(member)
    html = client.get(reverse("account_logout")).content.decode()
    assert ALLAUTH_WORDING.findall(html) == []
    assert "Are you sure you want to log out?" in html


class _Structure(HTMLParser):
    """What a browser would do with the markup: blocks inside <p> break it."""

    BLOCKS = {"div", "ul", "ol", "p", "table", "form", "section", "fieldset"}

    def __init__(self):
        super().__init__()
        self.open_paragraphs = 0
        self.blocks_in_paragraph = []
        self.ids = set()
        self.described_by = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.BLOCKS and self.open_paragraphs:
            self.blocks_in_paragraph.append(tag)
        if tag == "p":
            self.open_paragraphs += 1
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if attrs.get("aria-describedby"):
            self.described_by.extend(attrs["aria-describedby"].split())

    def handle_endtag(self, tag):
        if tag == "p" and self.open_paragraphs:
            self.open_paragraphs -= 1


def test_sign_up_password_rules_describe_the_field_in_valid_markup(client, db):
    html = client.get(reverse("account_signup")).content.decode()
    structure = _Structure()
    structure.feed(html)
    assert structure.blocks_in_paragraph == []
    assert "id_password1_helptext" in structure.described_by
    assert set(structure.described_by) <= structure.ids
    rules = re.search(r'<div class="helptext" id="id_password1_helptext">(.*?)</div>', html, re.S)
    assert "at least 8 characters" in rules.group(1)


@pytest.mark.parametrize("name", ["home", "account_login", "account_signup"])
def test_public_page_has_its_own_description(client, db, name):
    description = meta_description(client.get(reverse(name)).content.decode())
    assert 50 <= len(description) <= 160
    others = {
        meta_description(client.get(reverse(other)).content.decode())
        for other in ("home", "account_login", "account_signup")
        if other != name
    }
    assert description not in others


def test_coalition_guest_pages_have_a_description(client, db):
    chapter = ChapterFactory(name="Minnesota/Dakotas")
    event = CoalitionEventFactory(chapter=chapter, name="Community forum")
    guest = GuestFactory(event=event)
    pages = [
        reverse("coalitions:rsvp", args=[access.rsvp_token(guest)]),
        reverse("coalitions:act", args=[access.action_token(event)]),
    ]
    descriptions = [meta_description(client.get(url).content.decode()) for url in pages]
    assert [("Community forum" in text) for text in descriptions] == [True, True]

"""Markdown is rendered, and whatever could run in a browser is removed."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from talkingpoints.markdown import ALLOWED_TAGS, render_markdown
from tests.talkingpoints.factories import AskFactory

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    "![x](javascript:alert(1))",
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    "<input autofocus onfocus=alert(1)>",
]


class Inventory(HTMLParser):
    """Every tag and attribute of a piece of HTML, as a browser's parser would see them."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes = set(), []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += attrs


def is_harmless(html: str) -> bool:
    found = Inventory(html)
    if not found.tags <= ALLOWED_TAGS:
        return False
    for name, value in found.attributes:
        if name.startswith("on") or name in {"style", "src", "srcdoc", "action", "formaction"}:
            return False
        if name == "href" and urlsplit((value or "").strip()).scheme.lower() not in SAFE_SCHEMES:
            return False
    return True


@pytest.mark.parametrize("payload", PAYLOADS)
def test_dangerous_html_is_removed(payload):
    html = render_markdown(f"Intro **text**\n\n{payload}\n\n- after")

    assert is_harmless(html), html
    assert "<p>Intro <strong>text</strong></p>" in html


def test_the_checker_itself_spots_a_dangerous_link():
    assert not is_harmless('<a href="javascript:alert(1)">x</a>')
    assert not is_harmless('<p onclick="x()">x</p>')
    assert not is_harmless("<script>x()</script>")


def test_markdown_renders_lists_emphasis_links_and_tables():
    html = render_markdown(
        "# Why\n\n- **4 million** waiting\n- see [the bill](https://www.congress.gov/)\n\n"
        "| Country | Wait |\n|---|---|\n| India | 10 years |"
    )

    assert "<h2>Why</h2>" in html
    assert "<li><strong>4 million</strong> waiting</li>" in html
    assert '<a href="https://www.congress.gov/" rel="noopener noreferrer nofollow">' in html
    assert "<td>India</td>" in html


def test_a_briefing_shows_the_payload_harmlessly(client, seated, meeting):
    AskFactory(
        event=meeting.event,
        title="Funded counsel",
        talking_points="- Counsel <img src=x onerror=alert('xss')> matters\n"
        "- [read](javascript:alert(document.cookie))",
        background="<script>alert('xss')</script>Courts run faster with counsel.",
    )
    client.force_login(seated)

    page = client.get(reverse("talkingpoints:briefing", args=[meeting.pk])).content.decode()

    assert "Courts run faster with counsel." in page
    assert "<img src=x" not in page
    assert "<script>alert" not in page
    assert 'href="javascript' not in page

"""Markdown to safe HTML: markdown-it-py renders, nh3 (ammonia) keeps only harmless HTML.

Raw HTML inside the Markdown is allowed through the renderer on purpose, so
that the sanitiser alone decides what survives: one gate, a maintained one.
"""

from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_renderer = MarkdownIt("commonmark", {"html": True, "typographer": True}).enable(
    ["table", "strikethrough", "replacements", "smartquotes"]
)

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "u", "s", "del", "sup", "sub", "code", "pre",
    "blockquote", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "a", "abbr",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


@lru_cache(maxsize=1024)
def render_markdown(text: str) -> SafeString:
    """Markdown source to HTML that is safe to put in a page."""
    if not text:
        return mark_safe("")
    # Headings start at h2 in our pages: the page has its own h1.
    html = _renderer.render(text).replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return mark_safe(sanitise(html))  # nh3 has just cleaned it

"""The 1200 by 630 share card of a page (Open Graph, X, Bluesky …), drawn on our server.

Pillow draws it with DejaVu Sans (`PRESS_CARD_FONT_DIR`: Debian's fonts-dejavu-core,
which the PDFs need too), whose letters cover Spanish, Vietnamese, Haitian Creole and
Cyrillic names; without it, with Pillow's embedded font (Latin letters only).

A title is wrapped to the card's width and its size stepped down until it fits
its box; what still does not fit ends in an ellipsis, so a 300-character name
never runs off the card.
Cards are cached under a fingerprint of what they show: change the event's name,
date or theme and the next request draws a new one.
"""

import hashlib
import io
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
TEXT_WIDTH = WIDTH - 2 * MARGIN
BACKGROUND = (23, 55, 120)
INK = (255, 255, 255)
ACCENT = (255, 196, 61)
CACHE_SECONDS = 7 * 24 * 3600
VERSION = "2"
MIN_TITLE_SIZE = 32
REGULAR_FONT, BOLD_FONT = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
)  # bump when the drawing changes, so every cached card is drawn again


@dataclass(frozen=True)
class CardText:
    kicker: str  # small line above the title: "Day of Action", "I met … today"
    title: str
    lines: tuple[str, ...]  # when, where, the theme
    footer: str  # the hashtag, the organiser


@lru_cache(maxsize=64)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    path = Path(settings.PRESS_CARD_FONT_DIR) / (BOLD_FONT if bold else REGULAR_FONT)
    if path.is_file():
        return ImageFont.truetype(str(path), size=size)
    return ImageFont.load_default(size=size)


def _width(font, text: str) -> int:
    return math.ceil(font.getlength(text))


def wrap(text: str, font, width: int) -> list[str]:
    """Lines no wider than `width`: whole words, and a word longer than a line split."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while _width(font, word) > width:  # a very long word: cut it where it fills a line
            cut = max(
                1, next(i for i in range(len(word), 0, -1) if _width(font, word[:i]) <= width)
            )
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{current} {word}".strip()
        if _width(font, candidate) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _clip(lines: list[str], font, width: int, most: int) -> list[str]:
    """At most `most` lines; the last one ends in an ellipsis when text was left out."""
    if len(lines) <= most:
        return lines
    kept = lines[:most]
    last = kept[-1]
    while last and _width(font, last + " …") > width:
        last = last[:-1].rstrip()
    kept[-1] = f"{last} …"
    return kept


def fit_title(title: str, *, width: int = TEXT_WIDTH, height: int = 250) -> tuple[int, list[str]]:
    """The largest size (72 down to 32) whose wrapped lines fit the box, and those lines."""
    for size in range(72, MIN_TITLE_SIZE - 1, -2):
        font = _font(size, bold=True)
        lines = wrap(title, font, width)
        if len(lines) * int(size * 1.15) <= height:
            return size, lines
    size = MIN_TITLE_SIZE
    font = _font(size, bold=True)
    return size, _clip(wrap(title, font, width), font, width, height // int(size * 1.15))


def draw(text: CardText) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    y = MARGIN
    kicker = _font(28)
    pen.text(
        (MARGIN, y),
        _clip(wrap(text.kicker, kicker, TEXT_WIDTH), kicker, TEXT_WIDTH, 1)[0]
        if text.kicker
        else "",
        font=kicker,
        fill=ACCENT,
    )
    y += 48
    size, lines = fit_title(text.title)
    title_font = _font(size, bold=True)
    for line in lines:
        pen.text((MARGIN, y), line, font=title_font, fill=INK)
        y += int(size * 1.15)
    y += 12
    pen.rectangle((MARGIN, y, MARGIN + 120, y + 6), fill=ACCENT)
    y += 28
    detail = _font(30)
    for line in text.lines:
        for part in _clip(wrap(line, detail, TEXT_WIDTH), detail, TEXT_WIDTH, 2):
            if y + 36 > HEIGHT - MARGIN - 44:
                break
            pen.text((MARGIN, y), part, font=detail, fill=INK)
            y += 38
    footer = _font(26)
    footer_line = _clip(wrap(text.footer, footer, TEXT_WIDTH), footer, TEXT_WIDTH, 1)
    if footer_line:
        pen.text((MARGIN, HEIGHT - MARGIN - 26), footer_line[0], font=footer, fill=ACCENT)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def fingerprint(text: CardText) -> str:
    parts = (
        VERSION,
        str(settings.PRESS_CARD_FONT_DIR),
        text.kicker,
        text.title,
        *text.lines,
        text.footer,
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def card_png(text: CardText) -> tuple[bytes, str]:
    """The card's PNG and its fingerprint (the ETag), drawn once per content."""
    key = fingerprint(text)
    cache_key = f"press:share-card:{key}"
    png = cache.get(cache_key)
    if png is None:
        png = draw(text)
        cache.set(cache_key, png, CACHE_SECONDS)
    return png, key

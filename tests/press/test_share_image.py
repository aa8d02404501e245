"""Share cards: 1200 by 630 PNGs whose text stays inside the margins, however long the name."""

import io

import pytest
from django.urls import reverse
from PIL import Image, ImageChops

from press import share_image
from press.public import card_text
from press.share_image import BACKGROUND, HEIGHT, MARGIN, WIDTH, CardText, draw, fit_title

LONG_NAME = ("Immigration Lawyers' National Day of Action for Fair Courts and Due Process " * 4)[
    :300
]


def ink_bounds(png: bytes):
    """The box of every pixel that is not the background."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    plain = Image.new("RGB", image.size, BACKGROUND)
    difference = ImageChops.difference(image, plain).convert("L").point(lambda v: 255 if v else 0)
    return image.size, difference.getbbox()


def test_card_is_1200_by_630_with_text_inside_the_margins():
    png = draw(CardText("Day of Action", "National Day", ("Tuesday", "U.S. Capitol"), "#DoA"))
    size, box = ink_bounds(png)
    assert size == (WIDTH, HEIGHT)
    assert box is not None
    left, top, right, bottom = box
    assert left >= MARGIN - 2 and top >= MARGIN - 2
    assert right <= WIDTH - MARGIN + 2 and bottom <= HEIGHT - MARGIN + 2


def test_a_300_character_name_is_wrapped_and_never_overflows():
    assert len(LONG_NAME) == 300
    png = draw(CardText("Day of Action", LONG_NAME, ("Tuesday, March 2, 2027",), "#DoA"))
    _size, (left, top, right, bottom) = ink_bounds(png)
    assert left >= MARGIN - 2 and right <= WIDTH - MARGIN + 2
    assert top >= MARGIN - 2 and bottom <= HEIGHT - MARGIN + 2
    size, lines = fit_title(LONG_NAME)
    assert size >= share_image.MIN_TITLE_SIZE
    assert " ".join(lines) == " ".join(LONG_NAME.split())  # all of it, on several lines
    font = share_image._font(size, bold=True)
    assert all(font.getlength(line) <= WIDTH - 2 * MARGIN for line in lines)


def test_a_title_too_long_for_the_card_ends_in_an_ellipsis():
    size, lines = fit_title(LONG_NAME * 3)
    assert size == share_image.MIN_TITLE_SIZE
    assert lines[-1].endswith("…")
    font = share_image._font(size, bold=True)
    assert all(font.getlength(line) <= WIDTH - 2 * MARGIN for line in lines)


def test_a_word_longer_than_a_line_is_cut_not_overflowing():
    word = "W" * 120
    png = draw(CardText("", word, (), ""))
    _size, (left, _top, right, _bottom) = ink_bounds(png)
    assert left >= MARGIN - 2 and right <= WIDTH - MARGIN + 2


def test_a_short_title_keeps_the_largest_size():
    size, lines = fit_title("Lobby day")
    assert (size, lines) == (72, ["Lobby day"])


def test_share_image_view_answers_a_png_and_is_drawn_again_when_the_event_changes(
    client, chapter_page, event
):
    url = reverse("press:share_image", args=[chapter_page.slug])
    first = client.get(url)
    assert first["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(first.content)).size == (1200, 630)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    event.theme = "Fair courts for every family"
    event.save()
    second = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert second.content != first.content


def test_card_text_says_the_day_and_organiser(chapter_page, event):
    text = card_text(chapter_page)
    assert text.title == chapter_page.headline
    assert text.footer == "Minnesota/Dakotas"
    assert any("U.S. Capitol" in line for line in text.lines)


@pytest.mark.parametrize("kicker", ["", "Day of Action"])
def test_drawing_is_deterministic(kicker):
    text = CardText(kicker, "Title", ("line",), "foot")
    assert draw(text) == draw(text)


def test_the_cards_font_has_the_letters_of_spanish_and_vietnamese_names():
    font = share_image._font(40, bold=True)
    missing = font.getmask("\ue000").getbbox()  # a private-use character: the "no glyph" box
    for letter in "íñéüçđươ—…":
        assert font.getmask(letter).getbbox() != missing, letter

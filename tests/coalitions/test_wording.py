"""Coalition templates through the one merge engine, with each kind's own fields."""

import pytest

from coalitions.models import TemplateKind
from coalitions.postcards import CARD_FIELDS
from coalitions.wording import DEFAULTS, FIELDS
from common.merge import MergeError


def test_render_fills_known_fields():
    text = FIELDS[TemplateKind.INVITATION].render(
        "Dear {{ name }}, join {{chapter}} at {{ event }}.",
        {"name": "Rosa Díaz", "chapter": "Tennessee", "event": "Forum"},
    )
    assert text == "Dear Rosa Díaz, join Tennessee at Forum."


def test_unknown_field_is_refused_naming_it():
    with pytest.raises(MergeError) as error:
        FIELDS[TemplateKind.INVITATION].check("Dear {{ nickname }}, …")
    assert str(error.value).startswith("Unknown merge field {{ nickname }}.")
    assert "{{ name }}" in str(error.value)


def test_template_language_is_not_run():
    with pytest.raises(MergeError, match="Unknown merge field"):
        FIELDS[TemplateKind.THANK_YOU].check("{{ settings.SECRET_KEY }}")
    with pytest.raises(MergeError, match="is not part of a merge field"):
        FIELDS[TemplateKind.THANK_YOU].check("{% load static %} Hello")


def test_stray_braces_are_refused():
    with pytest.raises(MergeError, match=r"“\{\{” is not part of a merge field"):
        FIELDS[TemplateKind.POSTCARD].check("Dear {{ lawmaker }, hello")


def test_render_keeps_the_fields_for_later():
    text = FIELDS[TemplateKind.POSTCARD].render(
        "Dear {{ lawmaker }}, from {{ city }}", {"city": "St. Paul"}, keep=("lawmaker",)
    )
    assert text == "Dear {{ lawmaker }}, from St. Paul"


def test_a_signed_card_fills_only_the_lawmaker():
    with pytest.raises(MergeError, match=r"Unknown merge field \{\{ city \}\}"):
        CARD_FIELDS.check("Dear {{ lawmaker }}, from {{ city }}")


@pytest.mark.parametrize("kind", TemplateKind.values)
def test_built_in_texts_use_only_their_fields(kind):
    FIELDS[kind].check(DEFAULTS[kind].subject)
    FIELDS[kind].check(DEFAULTS[kind].body)

import pytest

from coalitions import merge
from coalitions.models import TemplateKind


def test_render_fills_known_fields():
    text = merge.render(
        kind=TemplateKind.INVITATION,
        text="Dear {{ name }}, join {{chapter}} at {{ event }}.",
        values={"name": "Rosa Díaz", "chapter": "Tennessee", "event": "Forum"},
    )
    assert text == "Dear Rosa Díaz, join Tennessee at Forum."


def test_unknown_field_is_refused_naming_it():
    with pytest.raises(merge.MergeError) as error:
        merge.check(kind=TemplateKind.INVITATION, text="Dear {{ nickname }}, …")
    assert str(error.value).startswith("Unknown merge field {{ nickname }}.")
    assert "{{ name }}" in str(error.value)


def test_template_language_is_not_run():
    with pytest.raises(merge.MergeError, match="Unknown merge field"):
        merge.check(kind=TemplateKind.THANK_YOU, text="{{ settings.SECRET_KEY }}")
    with pytest.raises(merge.MergeError, match="is not part of a merge field"):
        merge.check(kind=TemplateKind.THANK_YOU, text="{% load static %} Hello")


def test_stray_braces_are_refused():
    with pytest.raises(merge.MergeError, match=r"“\{\{” is not part of a merge field"):
        merge.check(kind=TemplateKind.POSTCARD, text="Dear {{ lawmaker }, hello")


def test_fill_keeps_the_fields_for_later():
    text = merge.fill(
        kind=TemplateKind.POSTCARD,
        text="Dear {{ lawmaker }}, from {{ city }}",
        values={"city": "St. Paul"},
        keep=("lawmaker",),
    )
    assert text == "Dear {{ lawmaker }}, from St. Paul"


@pytest.mark.parametrize("kind", TemplateKind.values)
def test_built_in_texts_use_only_their_fields(kind):
    merge.check(kind=kind, text=merge.DEFAULTS[kind].subject)
    merge.check(kind=kind, text=merge.DEFAULTS[kind].body)

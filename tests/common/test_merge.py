"""The one merge engine: {{ field }} from a declared list, everything else refused by name."""

import pytest
from django import forms

from common.merge import MergeError, MergeFields, has_merge_syntax

LETTER = MergeFields(
    {"staffer_name": "the person we met", "lawmaker": "the lawmaker", "asks": "our asks"}
)


def problems(text: str) -> list[str]:
    with pytest.raises(MergeError) as error:
        LETTER.check(text)
    return error.value.problems


def test_declared_fields_are_filled_with_or_without_spaces():
    text = LETTER.render(
        "Dear {{ staffer_name }}, {{lawmaker}}", {"staffer_name": "Jo", "lawmaker": "Sen. Berg"}
    )
    assert text == "Dear Jo, Sen. Berg"


def test_a_declared_field_without_a_value_is_empty_and_values_are_plain_text():
    assert LETTER.render("[{{ asks }}]", {}) == "[]"
    assert LETTER.render("{{ asks }}", {"asks": "{{ lawmaker }} <b>"}) == "{{ lawmaker }} <b>"


def test_kept_fields_stay_as_written_for_a_later_step():
    assert LETTER.render("{{ lawmaker }}: {{ asks }}", {"asks": "x"}, keep=("lawmaker",)) == (
        "{{ lawmaker }}: x"
    )


def test_unknown_field_is_named_with_the_fields_offered():
    assert problems("Dear {{ nickname }}") == [
        "Unknown merge field {{ nickname }}.",
        "This message can use {{ staffer_name }}, {{ lawmaker }}, {{ asks }}.",
    ]


def test_a_near_miss_suggests_the_field():
    assert problems("{{ staffer_nam }}")[0] == (
        "Unknown merge field {{ staffer_nam }}. Did you mean {{ staffer_name }}?"
    )


def test_wrong_case_is_refused_with_the_right_spelling():
    assert problems("Dear {{ Staffer_Name }}")[0] == (
        "Unknown merge field {{ Staffer_Name }}: field names are lower case; "
        "write {{ staffer_name }}."
    )


def test_dotted_name_is_refused():
    assert problems("{{ lawmaker.name }}")[0] == (
        "Unknown merge field {{ lawmaker.name }}: field names have no dots; write {{ lawmaker }}."
    )


def test_filter_is_refused():
    assert problems("{{ asks|upper }}")[0] == (
        "Unknown merge field {{ asks|upper }}: fields take no filters; write {{ asks }}."
    )


def test_tags_and_comments_are_refused_once_each():
    assert problems("{% if asks %}yes{% endif %} {# note #}") == [
        "“{% if asks %}” is not part of a merge field: templates have no tags or comments, "
        "only fields written {{ name }}.",
        "“{% endif %}” is not part of a merge field: templates have no tags or comments, "
        "only fields written {{ name }}.",
        "“{# note #}” is not part of a merge field: templates have no tags or comments, "
        "only fields written {{ name }}.",
    ]


@pytest.mark.parametrize(
    ("text", "named"),
    [("Dear {{ lawmaker }, hi", "“{{”"), ("Dear lawmaker }}", "“}}”"), ("{%", "“{%”"),
     ("Dear {lawmaker}", "“{lawmaker}” has one brace on each side"), ("{{}}", "“{{}}”")],
)  # fmt: skip
def test_unbalanced_braces_are_refused(text, named):
    assert named in " ".join(problems(text))


def test_every_problem_is_named_in_order_once():
    assert problems("{{ nope }} {{ nope }} {{ Asks }}")[:2] == [
        "Unknown merge field {{ nope }}.",
        "Unknown merge field {{ Asks }}: field names are lower case; write {{ asks }}.",
    ]


def test_render_refuses_what_check_refuses():
    with pytest.raises(MergeError, match="Unknown merge field"):
        LETTER.render("{{ nope }}", {"nope": "x"})


def test_validator_gives_a_form_field_error_per_problem():
    class Form(forms.Form):
        body = forms.CharField(validators=[LETTER.validator])

    form = Form({"body": "{{ Lawmaker }}"})
    assert not form.is_valid()
    assert form.errors["body"] == [
        "Unknown merge field {{ Lawmaker }}: field names are lower case; write {{ lawmaker }}.",
        "This message can use {{ staffer_name }}, {{ lawmaker }}, {{ asks }}.",
    ]
    assert Form({"body": "Dear {{ staffer_name }}"}).is_valid()


def test_used_lists_declared_fields_in_order():
    assert LETTER.used("{{ asks }} {{ lawmaker }} {{ asks }} {{ nope }}") == [
        "asks", "lawmaker", "asks",
    ]  # fmt: skip


def test_has_merge_syntax():
    assert has_merge_syntax("Dear {{ x }}")
    assert has_merge_syntax("Dear {% x")
    assert not has_merge_syntax("Dear Jo, see {the attached}.")


def test_field_names_are_declared_lower_case():
    with pytest.raises(ValueError, match="not a merge field name"):
        MergeFields({"Name": "x"})

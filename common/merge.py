"""The one merge engine for every template a person edits (letters, invitations, postcards).

The only syntax is a field between double braces, `{{ field }}`: a lower-case
name from the list the kind of message declares. Nothing else runs. Unknown
names, names in the wrong case, dotted names (`{{ lawmaker.name }}`),
filters (`{{ name|upper }}`), tags (`{% if %}`), comments (`{# #}`) and
unbalanced braces are refused, each named in the message, so a template is
never sent with a field written out literally. Values are inserted as plain
text; the caller escapes them where HTML is made.

    THANK_YOU = MergeFields({"staffer_name": "the person we met", ...})
    THANK_YOU.check(text)                 # raises MergeError naming every problem
    THANK_YOU.render(text, values)        # checks, then fills every field
    THANK_YOU.render(text, values, keep=("lawmaker",))  # leaves those fields for later
    forms.CharField(validators=[THANK_YOU.validator])   # the same check on a form

A declared field with no value renders as "".
"""

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
# Every piece of template syntax, in the order it appears: a whole `{{ … }}` (its inside
# without braces), an opening or closing marker on its own, or a one-brace `{name}`.
TOKEN = re.compile(
    r"\{\{(?P<inside>[^{}]*)\}\}"
    r"|(?P<marker>\{\{|\}\}|\{%|%\}|\{#|#\})"
    r"|(?P<single>\{\s*[A-Za-z_][\w.]*\s*\})"
)
TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)


class MergeError(ValueError):
    """A template uses something other than the fields its kind of message offers."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(" ".join(problems))


def _field(name: str) -> str:
    return f"{{{{ {name} }}}}"


@dataclass(frozen=True)
class MergeFields:
    """The fields one kind of message offers: name → what it holds (shown beside the editor)."""

    fields: Mapping[str, str]
    _names: frozenset = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        for name in self.fields:
            if not NAME.match(name):
                raise ValueError(f"{name!r} is not a merge field name (lower case, a-z0-9_).")
        object.__setattr__(self, "_names", frozenset(self.fields))

    def __iter__(self) -> Iterator[str]:
        return iter(self.fields)

    def items(self):
        return self.fields.items()

    @property
    def offered(self) -> str:
        return ", ".join(_field(name) for name in self.fields)

    # Checking ---------------------------------------------------------------------------

    def problems(self, text: str) -> list[str]:
        """What is wrong with the template, one sentence each, in the order it appears."""
        problems: list[str] = []
        unknown = False
        inside_tag_until = 0
        for match in TOKEN.finditer(text):
            if match.start() < inside_tag_until:
                continue  # the rest of a tag already named
            if match.group("inside") is not None:
                problem, unknown_name = self._inside_problem(match.group("inside"))
                unknown |= unknown_name
            elif match.group("marker") is not None:
                problem, inside_tag_until = self._marker_problem(text, match)
            else:
                written = match.group("single")
                problem = (
                    f"“{written}” has one brace on each side: write merge fields with two, "
                    f"as {_field(written.strip('{} '))}."
                )
            if problem and problem not in problems:
                problems.append(problem)
        if unknown:
            problems.append(f"This message can use {self.offered}.")
        return problems

    def _inside_problem(self, inside: str) -> tuple[str | None, bool]:
        """The problem with one `{{ … }}`, and whether it is an unknown name."""
        name = inside.strip()
        if name in self._names:
            return None, False
        if not name:
            return (
                f"“{{{{}}}}” has no field name in it. This message can use {self.offered}.",
                False,
            )
        unknown = f"Unknown merge field {_field(name)}"
        if "|" in name:
            return f"{unknown}: fields take no filters{self._hint(name.split('|')[0])}", True
        if "." in name:
            return f"{unknown}: field names have no dots{self._hint(name.split('.')[0])}", True
        if name.lower() in self._names:
            return f"{unknown}: field names are lower case; write {_field(name.lower())}.", True
        close = difflib.get_close_matches(name.lower(), self._names, n=1)
        if close:
            return f"{unknown}. Did you mean {_field(close[0])}?", True
        return f"{unknown}.", True

    def _hint(self, base: str) -> str:
        base = base.strip()
        return f"; write {_field(base.lower())}." if base.lower() in self._names else "."

    @staticmethod
    def _marker_problem(text: str, match: re.Match) -> tuple[str, int]:
        marker = match.group("marker")
        tag = TAG.match(text, match.start()) if marker in ("{%", "{#") else None
        if tag is not None:
            written = " ".join(tag.group(0).split())
            return (
                f"“{written}” is not part of a merge field: templates have no tags or "
                "comments, only fields written {{ name }}.",
                tag.end(),
            )
        return (
            f"“{marker}” is not part of a merge field. Write fields as {{{{ name }}}}, "
            "with two braces on each side.",
            0,
        )

    def check(self, text: str) -> None:
        problems = self.problems(text)
        if problems:
            raise MergeError(problems)

    def validator(self, text: str) -> None:
        """A form field validator: the same check, as a ValidationError."""
        problems = self.problems(text)
        if problems:
            raise ValidationError(problems)

    # Using ------------------------------------------------------------------------------

    def used(self, text: str) -> list[str]:
        """The declared fields the text uses, in order (with repeats)."""
        return [
            match.group("inside").strip()
            for match in TOKEN.finditer(text)
            if match.group("inside") is not None and match.group("inside").strip() in self._names
        ]

    def render(
        self, text: str, values: Mapping[str, object], *, keep: tuple[str, ...] = ()
    ) -> str:
        """Check the text, then put each field's value in; fields in `keep` stay as written."""
        self.check(text)

        def value(match: re.Match) -> str:
            name = match.group("inside").strip()
            if name in keep:
                return match.group(0)
            found = values.get(name)
            return "" if found is None else str(found)

        return TOKEN.sub(value, text)


def has_merge_syntax(text: str) -> bool:
    """Whether any field or brace syntax is left, e.g. in a letter about to be sent."""
    return TOKEN.search(text) is not None

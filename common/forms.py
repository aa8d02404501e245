"""Forms that refuse typeable but absurd input with a field error, never a crash.

Two kinds of input pass Django's own field checks and then break code far from
the form: dates so far away that applying a time zone or adding a day
overflows Python's datetime (year 1, year 9999), and NUL characters, which
PostgreSQL cannot store in text and which a field such as a checkbox or a
choice passes on unexamined. Every form of the app is built on
`SafeInputMixin` (through `SafeForm`, `SafeModelForm` or `SafeFilterSet`),
which bounds every date and datetime field to the years below and refuses a
NUL character in any field, with a message that says what to change.
"""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.deconstruct import deconstructible

EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
NUL_MESSAGE = (
    "This holds an invisible NUL character (often pasted from another program): "
    "type the text again."
)
DATE_RANGE_MESSAGE = f"Enter a date between the years {EARLIEST_YEAR} and {LATEST_YEAR}."
TEMPORAL_FIELDS = (forms.DateField, forms.DateTimeField)


@deconstructible
class YearRangeValidator:
    """A date or datetime within the years the app can place in a time zone and count on."""

    code = "date_out_of_range"

    def __call__(self, value):
        if isinstance(value, datetime.date) and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            raise ValidationError(DATE_RANGE_MESSAGE, code=self.code)

    def __eq__(self, other):
        return isinstance(other, YearRangeValidator)


def holds_nul(raw) -> bool:
    """Whether a submitted value (text, a list of texts, or a file) carries a NUL."""
    if isinstance(raw, str):
        return "\x00" in raw
    if isinstance(raw, (list, tuple)):
        return any(holds_nul(item) for item in raw)
    if isinstance(raw, UploadedFile):
        return "\x00" in (raw.name or "")
    return False


def guard_field(field: forms.Field) -> None:
    """Bound a field's dates and word its NUL refusal; safe to call more than once."""
    if isinstance(field, TEMPORAL_FIELDS) and YearRangeValidator() not in field.validators:
        field.validators.append(YearRangeValidator())
    field.validators = [
        ProhibitNullCharactersValidator(message=NUL_MESSAGE)
        if type(validator) is ProhibitNullCharactersValidator
        else validator
        for validator in field.validators
    ]
    if isinstance(field, forms.MultiValueField):
        for inner in field.fields:
            guard_field(inner)


class SafeInputMixin:
    """Put before Django's form class: `class MyForm(SafeInputMixin, forms.Form)`."""

    def full_clean(self):
        # Fields are guarded here, not in __init__, so fields a form adds in its own
        # __init__ (one per ask, a select of the event's lawmakers) are guarded too.
        for field in self.fields.values():
            guard_field(field)
        super().full_clean()
        if self.is_bound and hasattr(self, "cleaned_data"):
            self._refuse_nul_characters()

    def _raw_values(self, name: str, field: forms.Field) -> list:
        """What was submitted for a field, before its widget read it (a checkbox makes a bool)."""
        html_name = self.add_prefix(name)
        keys = [html_name]
        if isinstance(field.widget, forms.MultiWidget):
            keys += [f"{html_name}_{index}" for index in range(len(field.widget.widgets))]
        values = []
        for source in (self.data, self.files):
            for key in keys:
                if key in source:
                    values += source.getlist(key) if hasattr(source, "getlist") else [source[key]]
        return values

    def _refuse_nul_characters(self):
        # Whatever else the field said of the value, the NUL is what the person must fix.
        for name, field in self.fields.items():
            if not field.disabled and holds_nul(self._raw_values(name, field)):
                self._errors[name] = self.error_class([NUL_MESSAGE])
                self.cleaned_data.pop(name, None)


class SafeForm(SafeInputMixin, forms.Form):
    pass


class SafeModelForm(SafeInputMixin, forms.ModelForm):
    pass


class SafeFilterSet(django_filters.FilterSet):
    """A django-filter FilterSet whose form is guarded: query strings are input too."""

    def get_form_class(self):
        form_class = super().get_form_class()
        if issubclass(form_class, SafeInputMixin):
            return form_class
        return type(form_class.__name__, (SafeInputMixin, form_class), {})


def form_errors_as_messages(request, form: forms.Form) -> None:
    """Each error of a form posted from a page that does not show it, as a message
    there; a field's errors are named by the field's label."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)

"""The guarded forms: dates within the years the app can count on, no NUL anywhere."""

import datetime
import importlib
import inspect
import pkgutil

import django_filters
import pytest
from django import forms
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from common.forms import (
    DATE_RANGE_MESSAGE,
    NUL_MESSAGE,
    SafeFilterSet,
    SafeForm,
    SafeInputMixin,
)
from members.models import User

NUL = "a\x00b"


class EveryKindOfField(SafeForm):
    text = forms.CharField(required=False)
    email = forms.EmailField(required=False)
    number = forms.IntegerField(required=False)
    choice = forms.ChoiceField(choices=[("a", "A"), (NUL, "with a NUL")], required=False)
    choices = forms.MultipleChoiceField(choices=[("a", "A")], required=False)
    tick = forms.BooleanField(required=False)
    day = forms.DateField(required=False)
    moment = forms.DateTimeField(required=False, input_formats=["%Y-%m-%dT%H:%M"])
    time = forms.TimeField(required=False)


FIELDS = list(EveryKindOfField.base_fields)


@pytest.mark.parametrize("name", FIELDS)
def test_a_nul_character_in_any_field_is_a_field_error(name):
    form = EveryKindOfField({name: NUL})
    assert form.is_valid() is False
    assert form.errors[name] == [NUL_MESSAGE]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("day", "0001-01-01"),
        ("day", "9999-12-31"),
        ("day", "1899-12-31"),
        ("day", "2201-01-01"),
        ("moment", "0001-01-01T00:00"),
        ("moment", "9999-12-31T23:59"),
    ],
)
def test_a_date_beyond_the_years_the_app_counts_on_is_a_field_error(name, value):
    form = EveryKindOfField({name: value})
    assert form.is_valid() is False
    assert form.errors[name] == [DATE_RANGE_MESSAGE]


def test_dates_within_the_range_pass():
    form = EveryKindOfField({"day": "1900-01-01", "moment": "2200-12-31T23:59"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == datetime.date(1900, 1, 1)


def test_fields_a_form_adds_in_its_own_init_are_guarded_too():
    class Later(SafeForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["due"] = forms.DateField()

    form = Later({"due": "9999-12-31"})
    assert form.errors["due"] == [DATE_RANGE_MESSAGE]


def test_guarding_twice_adds_the_date_bound_once():
    form = EveryKindOfField({"day": "2026-04-14"})
    form.full_clean()
    form.full_clean()
    assert len(form.fields["day"].validators) == 1
    assert len(EveryKindOfField.base_fields["day"].validators) == 0


def test_a_file_name_with_a_nul_is_refused():
    class Upload(SafeForm):
        file = forms.FileField()

    form = Upload({}, {"file": SimpleUploadedFile("a\x00.csv", b"email\n")})
    assert form.is_valid() is False
    assert form.errors["file"] == [NUL_MESSAGE]


class DateFilter(SafeFilterSet):
    since = django_filters.DateFilter(field_name="date_joined__date", lookup_expr="gte")
    name = django_filters.CharFilter(field_name="email")

    class Meta:
        model = User
        fields = []


@pytest.mark.parametrize(("name", "value"), [("since", "9999-12-31"), ("name", NUL)])
def test_a_filter_set_reports_extreme_query_strings_as_field_errors(db, name, value):
    filtered = DateFilter({name: value})
    assert filtered.is_valid() is False
    assert list(filtered.errors) == [name]
    list(filtered.qs)  # and the list still comes, unfiltered by the refused value


OUR_APPS = [
    config
    for config in apps.get_app_configs()
    if not config.module.__file__.count("site-packages")
]


def _our_form_classes():
    found = set()
    for config in OUR_APPS:
        for module_info in pkgutil.walk_packages(config.module.__path__, config.name + "."):
            if ".migrations" in module_info.name or ".management" in module_info.name:
                continue
            module = importlib.import_module(module_info.name)
            for _, value in inspect.getmembers(module, inspect.isclass):
                if value.__module__ != module.__name__:
                    continue
                if issubclass(value, (forms.BaseForm, django_filters.FilterSet)):
                    found.add(value)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def test_every_form_and_filter_of_the_app_is_guarded():
    unguarded = [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in _our_form_classes()
        if not issubclass(cls, (SafeInputMixin, SafeFilterSet))
    ]
    assert unguarded == []

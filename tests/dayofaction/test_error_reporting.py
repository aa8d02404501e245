"""Sentry starts only when SENTRY_DSN is set, with no personal data; no network in tests."""

import pytest
import sentry_sdk
from django.core.exceptions import ImproperlyConfigured
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration

from dayofaction.error_reporting import error_reporting_start, sentry_options

DSN = "https://0123456789abcdef@errors.example.org/42"
VARIABLES = ("SENTRY_DSN", "SENTRY_ENVIRONMENT", "SENTRY_RELEASE", "SENTRY_TRACES_SAMPLE_RATE")


@pytest.fixture(autouse=True)
def no_sentry_variables(monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def init_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: calls.append(options))
    return calls


def test_without_dsn_nothing_is_started(init_calls):
    assert error_reporting_start(debug=False) is False
    assert init_calls == []


def test_with_dsn_starts_with_django_and_celery_and_safe_defaults(monkeypatch, init_calls):
    monkeypatch.setenv("SENTRY_DSN", DSN)

    assert error_reporting_start(debug=False) is True

    (options,) = init_calls
    integrations = options.pop("integrations")
    assert [type(integration) for integration in integrations] == [
        DjangoIntegration,
        CeleryIntegration,
    ]
    assert options == {
        "dsn": DSN,
        "environment": "production",
        "release": None,
        "traces_sample_rate": None,
        "data_collection": {
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "stack_frame_variables": False,
            "database_query_data": False,
        },
    }


def test_environment_release_and_sample_rate_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("SENTRY_DSN", DSN)
    monkeypatch.setenv("SENTRY_ENVIRONMENT", "staging")
    monkeypatch.setenv("SENTRY_RELEASE", "dayofaction@2026.12.1")
    monkeypatch.setenv("SENTRY_TRACES_SAMPLE_RATE", "0.05")

    options = sentry_options(debug=False)

    assert (options["environment"], options["release"], options["traces_sample_rate"]) == (
        "staging",
        "dayofaction@2026.12.1",
        0.05,
    )


def test_debug_reports_as_development(monkeypatch):
    monkeypatch.setenv("SENTRY_DSN", DSN)
    assert sentry_options(debug=True)["environment"] == "development"


@pytest.mark.parametrize(
    ("name", "value"),
    [("SENTRY_DSN", "errors.example.org/42"), ("SENTRY_TRACES_SAMPLE_RATE", "5")],
)
def test_bad_value_is_refused_naming_the_variable(monkeypatch, name, value):
    monkeypatch.setenv("SENTRY_DSN", DSN)
    monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured) as refusal:
        sentry_options(debug=False)
    assert str(refusal.value).startswith(f"Environment variable {name}={value!r} is not valid: ")


def test_installed_sdk_accepts_the_options_and_collects_nothing_personal(monkeypatch):
    monkeypatch.setenv("SENTRY_DSN", DSN)
    options = sentry_options(debug=False)

    # A client of its own, never bound to the SDK's scopes: it sends nothing.
    client = sentry_sdk.Client(**options, default_integrations=False)
    try:
        collected = client.options["data_collection"]
    finally:
        client.close(timeout=0)

    assert collected["user_info"] is False
    assert collected["http_bodies"] == []
    assert collected["stack_frame_variables"] is False

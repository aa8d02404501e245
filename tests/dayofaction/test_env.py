"""The environment readers refuse bad values with a message naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from dayofaction import env

PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("1", True), (" YES ", True), ("on", True), ("false", False), ("0", False)],
)
def test_read_bool_accepts_usual_spellings(monkeypatch, value, expected):
    monkeypatch.setenv("DAYOFACTION_TEST_VARIABLE", value)
    assert env.read_bool("DAYOFACTION_TEST_VARIABLE", default=not expected) is expected


def test_read_bool_unset_gives_default(monkeypatch):
    monkeypatch.delenv("DAYOFACTION_TEST_VARIABLE", raising=False)
    assert env.read_bool("DAYOFACTION_TEST_VARIABLE", default=True) is True


def test_read_bool_maybe_is_refused(refusal):
    assert refusal(env.read_bool, "DAYOFACTION_TEST_VARIABLE", "maybe", default=False) == (
        "Environment variable DAYOFACTION_TEST_VARIABLE='maybe' is not valid: "
        "use true or false (also 1/0, yes/no, on/off)."
    )


def test_read_int_word_is_refused(refusal):
    assert refusal(env.read_int, "DAYOFACTION_TEST_VARIABLE", "ten", default=1) == (
        "Environment variable DAYOFACTION_TEST_VARIABLE='ten' is not valid: "
        "expected a whole number."
    )


def test_read_int_negative_below_minimum_zero_is_refused(refusal):
    assert refusal(env.read_int, "DAYOFACTION_TEST_VARIABLE", "-5", default=1) == (
        "Environment variable DAYOFACTION_TEST_VARIABLE='-5' is not valid: "
        "expected a number of at least 0."
    )


def test_read_int_below_given_minimum_is_refused(refusal):
    message = refusal(env.read_int, "DAYOFACTION_TEST_VARIABLE", "0", default=20, minimum=1)
    assert message.endswith("expected a number of at least 1.")


def test_read_int_valid_and_empty(monkeypatch):
    monkeypatch.setenv("DAYOFACTION_TEST_VARIABLE", " 42 ")
    assert env.read_int("DAYOFACTION_TEST_VARIABLE", default=1) == 42
    monkeypatch.setenv("DAYOFACTION_TEST_VARIABLE", "")
    assert env.read_int("DAYOFACTION_TEST_VARIABLE", default=7) == 7


@pytest.mark.parametrize("value", ["1.5", "-0.1", "half", "nan"])
def test_read_fraction_outside_zero_to_one_is_refused(refusal, value):
    assert refusal(env.read_fraction, "DAYOFACTION_TEST_VARIABLE", value, default=0.0) == (
        f"Environment variable DAYOFACTION_TEST_VARIABLE={value!r} is not valid: "
        "expected a number from 0 to 1."
    )


@pytest.mark.parametrize(("value", "expected"), [("0.25", 0.25), ("1", 1.0), ("", 0.5)])
def test_read_fraction_valid_and_empty(monkeypatch, value, expected):
    monkeypatch.setenv("DAYOFACTION_TEST_VARIABLE", value)
    assert env.read_fraction("DAYOFACTION_TEST_VARIABLE", default=0.5) == expected


def test_read_str_required_and_unset_is_refused(monkeypatch):
    monkeypatch.delenv("DAYOFACTION_TEST_VARIABLE", raising=False)
    with pytest.raises(ImproperlyConfigured) as error:
        env.read_str("DAYOFACTION_TEST_VARIABLE")
    assert str(error.value) == "Environment variable DAYOFACTION_TEST_VARIABLE must be set."


def test_read_list_of_only_commas_is_refused(refusal):
    message = refusal(env.read_list, "DAYOFACTION_TEST_VARIABLE", " , ,", default=[])
    assert message.startswith("Environment variable DAYOFACTION_TEST_VARIABLE=")


def test_read_list_splits_and_trims(monkeypatch):
    monkeypatch.setenv("DAYOFACTION_TEST_VARIABLE", "a.example, b.example ,")
    assert env.read_list("DAYOFACTION_TEST_VARIABLE", default=[]) == ["a.example", "b.example"]


def test_read_choice_unknown_is_refused(refusal):
    message = refusal(
        env.read_choice, "DAYOFACTION_TEST_VARIABLE", "LOUD", default="INFO", choices=("INFO",)
    )
    assert message == (
        "Environment variable DAYOFACTION_TEST_VARIABLE='LOUD' is not valid: expected one of INFO."
    )


@pytest.mark.parametrize("url", ["mysqlx://user@db/name", "not a url", "http://db/name"])
def test_read_database_bad_scheme_is_refused(refusal, url):
    message = refusal(env.read_database, "DATABASE_URL", url, default="sqlite:///x.sqlite3")
    assert message.startswith(f"Environment variable DATABASE_URL={url!r} is not valid: ")


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("postgres://user@127.0.0.1:5432/dayofaction", "django.db.backends.postgresql"),
        ("sqlite:////tmp/dayofaction.sqlite3", "django.db.backends.sqlite3"),
    ],
)
def test_read_database_known_scheme(monkeypatch, url, engine):
    monkeypatch.setenv("DATABASE_URL", url)
    assert env.read_database("DATABASE_URL", default="")["ENGINE"] == engine


@pytest.mark.parametrize("url", ["amqp://guest@rabbit//", "redis:/nohost", "127.0.0.1:6379"])
def test_read_url_bad_broker_scheme_is_refused(refusal, url):
    message = refusal(
        env.read_url,
        "CELERY_BROKER_URL",
        url,
        default="filesystem://",
        schemes=("filesystem", "redis", "rediss", "memory"),
    )
    assert message == (
        f"Environment variable CELERY_BROKER_URL={url!r} is not valid: "
        "expected a URL starting with filesystem or redis or rediss or memory."
    )


def run_settings(tmp_path, **variables) -> subprocess.CompletedProcess:
    """Import the settings in a fresh interpreter with only these variables set."""
    clean = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "dayofaction.settings",
        "DAYOFACTION_VAR_DIR": str(tmp_path / "var"),
        **variables,
    }
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=PROJECT_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_settings_without_secret_key_in_production_stop_naming_it(tmp_path):
    result = run_settings(tmp_path, DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode == 1
    assert "Environment variable DJANGO_SECRET_KEY must be set." in result.stderr


def test_settings_without_allowed_hosts_in_production_stop_naming_it(tmp_path):
    result = run_settings(tmp_path, DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 1
    assert "Environment variable DJANGO_ALLOWED_HOSTS must be set." in result.stderr


def test_settings_with_bad_value_stop_naming_it(tmp_path):
    result = run_settings(tmp_path, DJANGO_DEBUG="perhaps")
    assert result.returncode == 1
    assert "Environment variable DJANGO_DEBUG='perhaps' is not valid" in result.stderr


def test_settings_first_run_with_debug_needs_nothing_else(tmp_path):
    result = run_settings(tmp_path, DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr


def test_read_database_refusal_hides_the_password(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "mysqlx://bob:s3cret@db.example.org/app")

    with pytest.raises(ImproperlyConfigured) as refusal:
        env.read_database("DATABASE_URL", default="sqlite:///x")

    assert "s3cret" not in str(refusal.value)
    assert "bob:***@db.example.org" in str(refusal.value)

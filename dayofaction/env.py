"""Strict readers for settings that come from the environment.

Each reader names the variable in its error, so a bad value stops start-up
with a message an operator can act on instead of a traceback deep in Django.
django-environ parses the URL-shaped values (database, cache, email).
"""

import os
import re

import environ
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return None if value is None else value.strip()


def _without_password(value: str) -> str:
    """The value as it may be shown in a log: a URL's password replaced by ***."""
    return re.sub(r"(://[^:/@\s]*:)[^@/\s]*@", r"\1***@", value)


def _refuse(name: str, value: str, expected: str) -> ImproperlyConfigured:
    shown = _without_password(value)
    return ImproperlyConfigured(f"Environment variable {name}={shown!r} is not valid: {expected}.")


def read_bool(name: str, *, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise _refuse(name, value, "use true or false (also 1/0, yes/no, on/off)")


def read_int(name: str, *, default: int, minimum: int = 0) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise _refuse(name, value, "expected a whole number") from None
    if number < minimum:
        raise _refuse(name, value, f"expected a number of at least {minimum}")
    return number


def read_fraction(name: str, *, default: float) -> float:
    """A share from 0 to 1, such as a sample rate."""
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        number = float(value)
    except ValueError:
        raise _refuse(name, value, "expected a number from 0 to 1") from None
    if not 0 <= number <= 1:  # also refuses nan
        raise _refuse(name, value, "expected a number from 0 to 1")
    return number


def read_str(name: str, *, default: str | None = None) -> str:
    value = _raw(name)
    if value:
        return value
    if default is None:
        raise ImproperlyConfigured(f"Environment variable {name} must be set.")
    return default


def read_list(name: str, *, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return default
    items = [item.strip() for item in value.split(",") if item.strip()]
    if not items:
        raise _refuse(name, value, "expected a comma-separated list with at least one item")
    return items


def read_choice(name: str, *, default: str, choices: tuple[str, ...]) -> str:
    value = _raw(name) or default
    if value not in choices:
        raise _refuse(name, value, "expected one of " + ", ".join(choices))
    return value


def _read_url(name: str, default: str, parse) -> dict:
    value = _raw(name) or default
    try:
        return parse(value)
    except Exception as error:  # django-environ raises several types for a bad URL
        raise _refuse(name, value, str(error) or "not a URL it understands") from None


def read_database(name: str, *, default: str) -> dict:
    value = _raw(name) or default
    # django-environ passes an unknown scheme through as the engine's name.
    if value.split("://", 1)[0] not in environ.Env.DB_SCHEMES:
        raise _refuse(name, value, "unknown database scheme (use postgres:// or sqlite://)")
    config = _read_url(name, default, environ.Env.db_url_config)
    if not config.get("ENGINE"):
        raise _refuse(name, _raw(name) or default, "unknown database scheme")
    return config


def read_cache(name: str, *, default: str) -> dict:
    return _read_url(name, default, environ.Env.cache_url_config)


def read_email(name: str, *, default: str) -> dict:
    return _read_url(name, default, environ.Env.email_url_config)


def read_url(name: str, *, default: str, schemes: tuple[str, ...]) -> str:
    value = _raw(name) or default
    scheme = value.split("://", 1)[0] if "://" in value else ""
    if scheme not in schemes:
        raise _refuse(name, value, "expected a URL starting with " + " or ".join(schemes))
    return value

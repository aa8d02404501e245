"""Composers: how an app fills an email's context at the moment it goes out.

The outbox knows no domain. An app that wants its email to show the state of
things when it is sent (today's itinerary, not the one at sign-up) registers a
composer for its kind in its AppConfig.ready():

    composers.register("followup.day_before", compose_day_before)

A composer takes the stored context and returns the context to render, or None
when the email no longer applies (the seat was given up): the row is then
cancelled instead of sent.
"""

from collections.abc import Callable

Composer = Callable[[dict], dict | None]

_composers: dict[str, Composer] = {}


def register(kind: str, composer: Composer) -> None:
    _composers[kind] = composer


def composer_for(kind: str) -> Composer | None:
    return _composers.get(kind)

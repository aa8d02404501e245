"""What a higher app tells a briefing about past meetings with an office.

A briefing shows the history with the office; what happened in each earlier
meeting is recorded by an app above this one (`reports`). That app registers
a provider in its `AppConfig.ready`, so `talkingpoints` never imports it nor
knows its models, fields or statuses:

    history.register_outcomes(provider)

A provider takes the ids of past meetings and returns, for the ones it has
something to say about, the HTML to show under the meeting (already escaped,
in one fixed number of queries whatever the number of meetings).
"""

from collections.abc import Callable, Iterable

from django.utils.safestring import SafeString

OutcomeProvider = Callable[[list[int]], dict[int, SafeString]]

_providers: list[OutcomeProvider] = []


def register_outcomes(provider: OutcomeProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def outcomes_for(meeting_ids: Iterable[int]) -> dict[int, SafeString]:
    """Each past meeting's outcome as HTML; meetings nobody reported on are left out."""
    ids = list(meeting_ids)
    outcomes: dict[int, SafeString] = {}
    if not ids:
        return outcomes
    for provider in _providers:
        for meeting_id, html in provider(ids).items():
            outcomes[meeting_id] = outcomes.get(meeting_id, SafeString("")) + html
    return outcomes

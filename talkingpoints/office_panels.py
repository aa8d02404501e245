"""What a higher app adds to a briefing's office section (the office's contacts, say).

Like `talkingpoints.history`: an app above this one registers a provider in its
`AppConfig.ready`, so `talkingpoints` never imports it:

    office_panels.register(provider)

A provider takes the lawmakers' ids and the viewer and returns, for the offices
it has something to show this viewer, HTML (already escaped), in a fixed number
of queries whatever the number of offices.
"""

from collections.abc import Callable, Iterable

from django.utils.safestring import SafeString

from members.models import User

OfficePanelProvider = Callable[[list[int], User], dict[int, SafeString]]

_providers: list[OfficePanelProvider] = []


def register(provider: OfficePanelProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def panels_for(lawmaker_ids: Iterable[int], *, viewer: User) -> dict[int, SafeString]:
    ids = sorted(set(lawmaker_ids))
    panels: dict[int, SafeString] = {}
    if not ids:
        return panels
    for provider in _providers:
        for lawmaker_id, html in provider(ids, viewer).items():
            panels[lawmaker_id] = panels.get(lawmaker_id, SafeString("")) + html
    return panels

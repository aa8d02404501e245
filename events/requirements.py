"""What a person must have done before they take part in an event's meetings.

The apps that know a requirement (a required training, say) sit above `events`,
`meetings` and `planner`, which must not import them. They register a function in
the `PARTICIPATION_REQUIREMENTS` setting instead: `(event, user_ids) -> {user_id:
message}`, the people among `user_ids` who may not yet be seated or planned and,
for each, one sentence saying what to do. Each function answers for many people at
once, in a fixed number of queries, so the planner can ask about a whole chapter.
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils.module_loading import import_string

from events.models import Event


def unmet_requirements(*, event: Event, user_ids: Iterable[int]) -> dict[int, str]:
    """The people among `user_ids` not yet allowed meetings in `event`, with why."""
    user_ids = list(user_ids)
    unmet: dict[int, str] = {}
    if not user_ids:
        return unmet
    for path in getattr(settings, "PARTICIPATION_REQUIREMENTS", []):
        for user_id, message in import_string(path)(event, user_ids).items():
            unmet.setdefault(user_id, message)
    return unmet

"""The day's programme items nobody can be booked over, for the planner.

They are the event's `ProgrammeItem` rows marked "everyone" (`events.models`): the
breakfast briefing, lunch, the debrief. Staff edit them on the event's programme
page; the old free-text agenda was turned into items by a data migration with the
same parser (`events.programme.agenda_items`, also `programme_items` here).
"""

from events.models import Event
from events.programme import ParsedItem as ProgrammeItem
from events.programme import agenda_items as programme_items

__all__ = ["ProgrammeItem", "event_programme", "programme_items"]


def event_programme(event: Event) -> list[ProgrammeItem]:
    return [
        ProgrammeItem(label=item.title, starts=item.starts, ends=item.ends)
        for item in event.programme_items.filter(everyone=True).order_by("starts", "pk")
    ]

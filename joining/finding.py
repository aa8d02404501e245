"""What a ZIP code says to someone looking for their chapter: chapters, lawmakers, next day.

Public: nothing here lists members.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from chapters.coverage import chapters_covering
from chapters.models import Chapter
from events.models import Event
from events.models import Level as EventLevel
from events.selectors import upcoming_events
from lawmakers.models import Chamber, Lawmaker, Level, ZipDistrict


class UnknownZip(Exception):
    """A ZIP code we cannot place; the message says what to do."""


@dataclass
class Finding:
    zip_code: str
    state: str
    districts: list[int]
    chapters: list[Chapter] = field(default_factory=list)
    lawmakers: list[Lawmaker] = field(default_factory=list)
    next_event: Event | None = None


def zip_clean(value: str) -> str:
    zip5 = (value or "").strip()[:10].split("-")[0].strip()
    if not (len(zip5) == 5 and zip5.isascii() and zip5.isdigit()):
        raise UnknownZip("Enter a five-digit ZIP code, such as 55401.")
    return zip5


def find_for_zip(zip_code: str) -> Finding:
    zip5 = zip_clean(zip_code)
    rows = list(ZipDistrict.objects.filter(zcta=zip5).values_list("state", "district"))
    if not rows:
        raise UnknownZip(
            f"We do not know ZIP code {zip5}: check it, or try the ZIP code of your home "
            "(a PO box's ZIP code is not on the map)."
        )
    # A ZCTA across a state line is rare: the state with most of its districts counts.
    states = [state for state, _ in rows]
    state = max(set(states), key=states.count)
    districts = sorted({district for row_state, district in rows if row_state == state})
    lawmakers = list(
        Lawmaker.objects.serving()
        .filter(level=Level.FEDERAL, state=state)
        .filter(
            Q(chamber=Chamber.UPPER)
            | Q(chamber=Chamber.LOWER, district__in=[str(d) for d in districts])
        )
        .order_by("-chamber", "district", "last_name")
    )
    next_event = (
        upcoming_events()
        .filter(Q(level=EventLevel.NATIONAL) | Q(level=EventLevel.STATE, state=state))
        .first()
    )
    return Finding(
        zip_code=zip5,
        state=state,
        districts=districts,
        chapters=chapters_covering(state=state, districts=districts),
        lawmakers=lawmakers,
        next_event=next_event,
    )

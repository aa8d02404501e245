"""The day's programme: items with a time, a place and whether everyone attends.

`agenda_items` reads the old free-text agenda: a line that starts with a time range —
"12:00-13:00 Lunch briefing" (an en dash works too), "8:30-9:15 am Breakfast",
"1:00-1:30 pm Press call" — is an item; a line with a single time ("9:00 Meetings
begin") is not, and neither is an item about the meetings themselves. Hours without
am/pm are read on a 24-hour clock, except 1 to 6, which on a lobby day are afternoon
hours. The data migration that made `ProgrammeItem` rows from agendas uses it.
"""

import datetime
import re
from dataclasses import dataclass

RANGE = re.compile(
    r"^\s*(\d{1,2})[:.](\d{2})\s*([ap]\.?m\.?)?\s*(?:[\u2013\u2014-]|to)\s*"
    r"(\d{1,2})[:.](\d{2})\s*([ap]\.?m\.?)?\s*[:·,-]?\s*(.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ParsedItem:
    label: str
    starts: datetime.time
    ends: datetime.time


def _hour(hour: int, suffix: str | None, fallback: str | None) -> int:
    marker = (suffix or fallback or "").lower()[:1]
    if marker == "p" and hour < 12:
        return hour + 12
    if marker == "a" and hour == 12:
        return 0
    if not marker and 1 <= hour <= 6:
        return hour + 12
    return hour


def agenda_items(agenda: str) -> list[ParsedItem]:
    items = []
    for line in agenda.splitlines():
        found = RANGE.match(line)
        if not found:
            continue
        h1, m1, s1, h2, m2, s2, label = found.groups()
        # "8:30-9:15 am": the one suffix applies to both ends.
        start_hour, end_hour = _hour(int(h1), s1, s2), _hour(int(h2), s2, s1)
        if start_hour > 23 or end_hour > 23 or int(m1) > 59 or int(m2) > 59:
            continue
        starts, ends = datetime.time(start_hour, int(m1)), datetime.time(end_hour, int(m2))
        label = label.strip() or "Programme item"
        if ends <= starts or "meetings" in label.lower():
            continue
        items.append(ParsedItem(label=label, starts=starts, ends=ends))
    return items

"""What a public page says about its day: title, when, where, theme, link; one place for all.

A page stands for a Day of Action (national), a chapter's part in one, or a
coalition event; every caller reads these through `DayFacts`, never the three
shapes itself.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from events.models import Level
from press.models import PublicPage

CAPITOL = "U.S. Capitol, Washington, DC"


@dataclass(frozen=True)
class DayFacts:
    name: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    place: str
    address: str
    theme: str
    organiser: str

    @property
    def local_start(self) -> datetime.datetime:
        return timezone.localtime(self.starts_at, self.starts_at.tzinfo)

    @property
    def when(self) -> str:
        start = self.local_start
        return f"{date_format(start, 'l, F j, Y')}, {date_format(start, 'g:i A')} {start.tzname()}"

    @property
    def date_text(self) -> str:
        return date_format(self.local_start, "F j, Y")


def day_facts(page: PublicPage) -> DayFacts:
    """The facts of the page's day (the page's event or coalition event already loaded)."""
    organiser = page.chapter.name if page.chapter_id else "National staff"
    if page.coalition_event_id:
        coalition = page.coalition_event
        starts = timezone.localtime(coalition.starts_at, coalition.zone)
        return DayFacts(
            name=coalition.name,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            time_zone=coalition.time_zone,
            place=coalition.venue,
            address=coalition.address,
            theme=coalition.description.splitlines()[0] if coalition.description else "",
            organiser=organiser,
        )
    event = page.event
    place = f"{event.get_state_display()} State Capitol" if event.level == Level.STATE else CAPITOL
    return DayFacts(
        name=event.name,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        time_zone=event.time_zone,
        place=event.briefing_venue or place,
        address=place if event.briefing_venue else "",
        theme=event.theme,
        organiser=organiser,
    )


def public_url(page: PublicPage) -> str:
    return settings.SITE_URL + reverse("press:public", args=[page.slug])


def share_image_url(page: PublicPage) -> str:
    return settings.SITE_URL + reverse("press:share_image", args=[page.slug])

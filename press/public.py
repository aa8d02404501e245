"""What the public page gives machines: schema.org Event data, the calendar file, the card.

The JSON-LD says only what the page says: the day's name, dates, place, the
organiser and the partners, and its image. Search engines and community
calendars read it; `tests/press/test_public.py` checks each field it claims.
"""

import icalendar
from django.conf import settings
from django.utils.module_loading import import_string

from meetings.calendar import PRODUCT_ID, TIMEZONE_MARGIN
from press.models import PublicPage
from press.pages import day_facts, public_url, share_image_url
from press.share_image import CardText

ORGANISATION = "Day of Action"


def partner_names(page: PublicPage) -> list[str]:
    return [line.strip() for line in page.partners.splitlines() if line.strip()]


def event_json_ld(page: PublicPage) -> dict:
    facts = day_facts(page)
    location = {"@type": "Place", "name": facts.place}
    if facts.address:
        location["address"] = facts.address
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.headline,
        "description": page.summary or facts.theme or facts.name,
        "startDate": facts.starts_at.isoformat(),
        "endDate": facts.ends_at.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": location,
        "image": [share_image_url(page)],
        "url": public_url(page),
        "organizer": {"@type": "Organization", "name": f"{ORGANISATION}: {facts.organiser}"},
    }
    partners = partner_names(page)
    if partners:
        data["sponsor"] = [{"@type": "Organization", "name": name} for name in partners]
    return data


def event_ics(page: PublicPage) -> bytes:
    """“Add to calendar”: one event with the day's times in its own zone."""
    facts = day_facts(page)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    entry = icalendar.Event()
    entry.add("uid", f"press-page-{page.pk}@{settings.SITE_URL.split('://', 1)[-1]}")
    entry.add("dtstamp", page.updated_at)
    entry.add("dtstart", facts.starts_at)
    entry.add("dtend", facts.ends_at)
    entry.add("summary", page.headline)
    entry.add("location", ", ".join(p for p in (facts.place, facts.address) if p))
    entry.add("description", f"{page.summary}\n\n{public_url(page)}".strip())
    entry.add("url", public_url(page))
    calendar.add_component(entry)
    day = facts.starts_at.date()
    calendar.add_missing_timezones(
        first_date=day - TIMEZONE_MARGIN, last_date=day + TIMEZONE_MARGIN
    )
    return calendar.to_ical()


def card_text(page: PublicPage) -> CardText:
    facts = day_facts(page)
    footer = " · ".join(
        part for part in (f"#{page.hashtag}" if page.hashtag else "", facts.organiser) if part
    )
    return CardText(
        kicker=ORGANISATION,
        title=page.headline,
        lines=tuple(line for line in (facts.when, facts.place, facts.theme) if line),
        footer=footer,
    )


def take_part_sections(request, page: PublicPage) -> list[str]:
    """The "how to take part" sections, from each provider in `PRESS_TAKE_PART_PROVIDERS`:
    functions `(request, page) -> HTML` that return "" when they have nothing to say."""
    sections = []
    for path in settings.PRESS_TAKE_PART_PROVIDERS:
        html = import_string(path)(request, page)
        if html:
            sections.append(html)
    return sections

"""“I met Senator X's office today”: a participant's own card, named only if they choose."""

from django.conf import settings
from django.urls import reverse

from press.models import MeetingCard
from press.share_image import CardText


def card_text(card: MeetingCard) -> CardText:
    meeting = card.meeting
    lawmaker = meeting.lawmaker
    who = card.user.full_name if card.show_name and card.user.full_name else "I"
    office = f"{lawmaker.title} {lawmaker.full_name}'s office"
    return CardText(
        kicker=meeting.event.name,
        title=f"{who} met {office} today",
        lines=tuple(line for line in (meeting.event.theme,) if line),
        footer="Day of Action",
    )


def card_url(card: MeetingCard) -> str:
    return settings.SITE_URL + reverse("press:card", args=[card.code])


def card_image_url(card: MeetingCard) -> str:
    return settings.SITE_URL + reverse("press:card_image", args=[card.code])

"""Demo data for `load_demo`: a public national campaign before the day, and a state one."""

import datetime

from django.utils import timezone

from actions.drafting import draft_for_event
from actions.models import Campaign, EventTiming
from actions.services import campaign_save
from lawmakers.models import Level

STATE_LETTER = (
    "Dear {{ lawmaker }},\n\nI live in {{ city }} and I ask you to support funding for "
    "legal counsel for people in immigration proceedings who cannot pay.\n\n"
    "{{ own_words }}\n\nSincerely,\n{{ name }}\n{{ city }} {{ zip_code }}"
)


def load_action_demo(*, event, chapter, staff) -> list[Campaign]:
    """Idempotent: a campaign already there (by its address) is left as it is."""
    made = []
    if not Campaign.objects.filter(slug="before-the-day").exists():
        draft = draft_for_event(event=event, timing=EventTiming.BEFORE)
        lawmakers = draft.pop("target_lawmakers", [])
        draft.pop("event")
        campaign = Campaign(slug="before-the-day", event=event, is_public=True, **draft)
        made.append(
            campaign_save(campaign=campaign, committees=[], lawmakers=lawmakers, user=staff)
        )
    if not Campaign.objects.filter(slug="mn-counsel").exists():
        now = timezone.now().replace(second=0, microsecond=0)
        campaign = Campaign(
            slug="mn-counsel",
            title="Minnesota: fund counsel in immigration court",
            why="Minnesota can pay for lawyers for people facing deportation. "
            "**Your state senator and representative** decide in this session.",
            level=Level.STATE,
            state="MN",
            chapter=chapter,
            letter_subject="From a constituent in {{ city }}: fund legal counsel",
            letter_body=STATE_LETTER,
            own_words_prompt="Tell them why this matters to you.",
            call_script="Hello, I am {{ name }}, a constituent from {{ city }}. "
            "I ask {{ lawmaker }} to fund legal counsel in immigration court. Thank you.",
            starts_at=now,
            ends_at=now + datetime.timedelta(days=60),
            is_public=True,
            allows_outbox_email=True,
        )
        made.append(campaign_save(campaign=campaign, committees=[], lawmakers=[], user=staff))
    return made

"""A campaign drafted from a Day of Action: its asks, and after the day the offices met.

"Before the day" warms up the offices the chapters will meet; "after the day"
thanks the offices met (held meetings, or a filed report) and repeats the asks.
Staff or leaders edit the draft before saving it.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from actions.models import EventTiming
from lawmakers.models import Level
from meetings.models import Meeting, MeetingStatus
from reports.models import ReportStatus
from talkingpoints.selectors import event_asks


def offices_met(event) -> list[int]:
    """Lawmaker ids of the offices met on the day: a meeting held, or its report filed."""
    return sorted(
        set(
            Meeting.objects.filter(event=event)
            .filter(Q(status=MeetingStatus.HELD) | Q(report__status=ReportStatus.FILED))
            .values_list("lawmaker_id", flat=True)
        )
    )


def draft_for_event(*, event, timing: str) -> dict:
    """Initial values for the campaign form."""
    asks = list(event_asks([event.pk]))
    ask_lines = "\n".join(f"- {ask.title}: {ask.summary}" for ask in asks)
    after = timing == EventTiming.AFTER
    opening = (
        f"Thank you for meeting with advocates from our association on {event.date:%B %-d}. "
        "As a constituent, I am writing to repeat what they asked of you:"
        if after
        else f"On {event.date:%B %-d}, advocates from our association will visit your "
        "office. As a constituent, I ask you to support:"
    )
    starts = timezone.now().replace(second=0, microsecond=0)
    if not after:
        ends = datetime.datetime.combine(event.date, datetime.time(0), tzinfo=starts.tzinfo)
        ends = max(ends, starts + datetime.timedelta(days=1))
    else:
        ends = starts + datetime.timedelta(days=30)
    initial = {
        "title": f"{'Thank' if after else 'Before'} {event.name}"[:150],
        "why": (
            f"Our Day of Action, **{event.name}**, "
            + ("has met offices across the country. " if after else "is coming. ")
            + "Hearing from constituents is what makes an office listen.\n\n"
            + ask_lines
        ),
        "level": Level.STATE if event.level == "state" else Level.FEDERAL,
        "state": getattr(event, "state", ""),
        "event": event.pk,
        "event_timing": timing,
        "starts_at": starts,
        "ends_at": ends,
        "target_own": True,
        "letter_subject": "From a constituent in {{ city }}: " + (asks[0].title if asks else ""),
        "letter_body": (
            "Dear {{ lawmaker }},\n\n"
            f"{opening}\n\n{ask_lines}\n\n{{{{ own_words }}}}\n\n"
            "Sincerely,\n{{ name }}\n{{ city }} {{ zip_code }}"
        ),
        "own_words_prompt": "Why this matters to you, in two or three sentences.",
        "own_words_required": True,
        "call_script": (
            "Hello, my name is {{ name }} and I am a constituent from {{ city }}, "
            "ZIP code {{ zip_code }}. "
            + (
                "I am calling to thank {{ lawmaker }} for meeting our advocates, and "
                if after
                else ""
            )
            + "I ask {{ lawmaker }} to support: "
            + "; ".join(ask.title for ask in asks)
            + ". Thank you."
        ),
    }
    if after:
        initial["target_lawmakers"] = offices_met(event)
    return initial

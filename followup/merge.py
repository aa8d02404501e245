"""Letters with merge fields: {{ field }} replaced from a fixed list; anything else is refused."""

import re

FIELD = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")

THANK_YOU_FIELDS = {
    "staffer_name": "the person we met (from the report)",
    "staffer_title": "their title",
    "lawmaker": "the lawmaker, with title",
    "chapter_name": "our chapter",
    "chapter_state": "the chapter's states",
    "meeting_date": "the day we met",
    "asks": "what we asked, one a line",
    "promised": "what we promised to send (questions to answer)",
    "commitments": "what the office committed to",
    "lead_name": "the lead advocate",
}


def unknown_fields(text: str, allowed=THANK_YOU_FIELDS) -> list[str]:
    return sorted({name for name in FIELD.findall(text) if name not in allowed})


def merge(text: str, values: dict) -> str:
    return FIELD.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)

"""Reads the Requests page and the sending share, in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from chapters.models import Chapter
from events.models import Event
from lawmakers.models import Lawmaker
from meetings.models import Meeting, MeetingChange, MeetingStatus
from officerequests.contacts import contacts_of, scheduler_address
from officerequests.models import OfficeContact
from officerequests.states import office_state, state_of, waiting_days


@dataclass
class OfficeRequests:
    """One office a chapter asks for meetings in one event: one letter, one email."""

    lawmaker: Lawmaker
    meetings: list[Meeting]
    contacts: list[OfficeContact] = field(default_factory=list)

    @property
    def address(self) -> str:
        return scheduler_address(self.contacts)

    @property
    def state(self) -> str:
        return office_state(self.meetings)

    @property
    def waiting(self) -> int | None:
        days = [d for d in (waiting_days(m) for m in self.meetings) if d is not None]
        return max(days) if days else None

    @property
    def unsent(self) -> list[Meeting]:
        return [
            m
            for m in self.meetings
            if state_of(m) == "not_sent" and m.status == MeetingStatus.REQUESTED
        ]


def request_meetings(*, event: Event, chapter: Chapter | None):
    """Meetings that are asked of an office: still requested, or whose request went."""
    meetings = Meeting.objects.filter(event=event).filter(
        Q(status=MeetingStatus.REQUESTED) | Q(request__sent_at__isnull=False)
    )
    if chapter is not None:
        meetings = meetings.filter(chapter=chapter)
    return meetings.select_related("event", "chapter", "lawmaker", "request").order_by(
        "lawmaker__last_name", "lawmaker_id", "starts_at", "pk"
    )


def offices_of(meetings) -> list[OfficeRequests]:
    """The meetings grouped by chapter and office, with the offices' contacts (one query)."""
    groups: dict[tuple[int, int], OfficeRequests] = {}
    for meeting in meetings:
        key = (meeting.chapter_id, meeting.lawmaker_id)
        if key not in groups:
            groups[key] = OfficeRequests(lawmaker=meeting.lawmaker, meetings=[])
        groups[key].meetings.append(meeting)
    by_lawmaker = defaultdict(list)
    for contact in contacts_of({key[1] for key in groups}):
        by_lawmaker[contact.lawmaker_id].append(contact)
    for (_, lawmaker_id), group in groups.items():
        group.contacts = by_lawmaker[lawmaker_id]
    return list(groups.values())


HISTORY_SHOWN = 40


def office_history(office: OfficeRequests, *, limit: int = HISTORY_SHOWN) -> list[MeetingChange]:
    """The newest changes to all the meetings asked of an office, in one query."""
    return list(
        MeetingChange.objects.filter(meeting__in=[m.pk for m in office.meetings]).select_related(
            "changed_by"
        )[:limit]
    )

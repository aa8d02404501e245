"""The proposed layer of a chapter's schedule board: the newest draft's meetings for it.

`meetings.board` reads this through the `BOARD_PROPOSED_LAYER` setting (the
board lives below the planner and never imports it). Three queries whatever
the size of the draft: the newest finished run, its rows, the people's names.
"""

from dataclasses import dataclass

from django.db.models import Q

from chapters.models import Chapter
from events.models import Event
from lawmakers.models import Lawmaker
from members.models import User
from planner.models import PlanRun, ProposedMeeting, RunStatus


@dataclass
class Proposal:
    lawmaker: Lawmaker
    starts_at: object
    ends_at: object
    people: list[str]
    # The existing meeting the draft moves or changes, if it is one.
    moves: object = None

    @property
    def lawmaker_id(self) -> int:
        return self.lawmaker.pk

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


def newest_draft(*, event: Event, chapter: Chapter) -> PlanRun | None:
    """The newest finished run that covers this chapter (its own, or the whole event's)."""
    return (
        PlanRun.objects.filter(event=event, status=RunStatus.DONE)
        .filter(Q(chapter=chapter) | Q(chapter__isnull=True))
        .order_by("-created_at", "-pk")
        .first()
    )


def proposed_layer(*, event: Event, chapter: Chapter) -> list[Proposal]:
    run = newest_draft(event=event, chapter=chapter)
    if run is None:
        return []
    rows = list(
        ProposedMeeting.objects.filter(run=run, chapter=chapter, accepted=False, is_pinned=False)
        .select_related("lawmaker", "meeting")
        .order_by("starts_at", "pk")
    )
    # A meeting the draft keeps at its time is on the board already (its team's changes
    # are listed on the planner's page).
    rows = [row for row in rows if row.meeting is None or row.meeting.starts_at != row.starts_at]
    names = User.objects.in_bulk({pk for row in rows for pk in row.people})
    return [
        Proposal(
            lawmaker=row.lawmaker,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            people=[str(names[pk]) for pk in row.people if pk in names],
            moves=row.meeting,
        )
        for row in rows
    ]

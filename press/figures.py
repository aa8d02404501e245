"""The day's figures for an "after" release: only aggregates, from the reports dashboard.

Every figure is read from `reports.coverage.coverage_for`, the dashboard's own
reckoning, so a release never says a number the dashboard does not.
"""

from dataclasses import dataclass

from chapters.models import Membership
from events.models import Registration
from press.models import PublicPage
from reports.coverage import coverage_for


@dataclass(frozen=True)
class DayFigures:
    participants: int
    chapters: int
    states: int
    offices_met: int
    senate_offices_met: int
    house_offices_met: int
    democrat_offices_met: int
    republican_offices_met: int
    other_offices_met: int
    asks_summary: str

    def as_values(self) -> dict[str, str]:
        return {name: str(value) for name, value in self.__dict__.items()}


def _participants(page: PublicPage) -> int:
    registrations = Registration.objects.filter(event_id=page.event_id)
    if page.chapter_id is not None:
        members = Membership.objects.filter(chapter_id=page.chapter_id).values("user_id")
        registrations = registrations.filter(user_id__in=members)
    return registrations.count()


def _asks_summary(asks) -> str:
    lines = []
    for tally in asks:
        counted = [(label, n) for label, n in tally.labelled_counts if n]
        if counted:
            said = ", ".join(f"{n} {label.lower()}" for label, n in counted)
            lines.append(f"{tally.ask.title}: {said}.")
    return "\n".join(lines)


def day_figures(page: PublicPage) -> DayFigures:
    """The figures of the page's day (a Day of Action page: national or one chapter's)."""
    coverage = coverage_for(event=page.event, chapter=page.chapter)
    chamber = {tally.key: tally.met for tally in coverage.by_chamber}
    party = {tally.label: tally.met for tally in coverage.by_party}
    known = {"Democrat", "Republican"}
    return DayFigures(
        participants=_participants(page),
        chapters=sum(1 for row in coverage.chapters if row.offices),
        states=sum(1 for tally in coverage.by_state.values() if tally.met),
        offices_met=coverage.overall.met,
        senate_offices_met=chamber.get("upper", 0),
        house_offices_met=chamber.get("lower", 0),
        democrat_offices_met=party.get("Democrat", 0),
        republican_offices_met=party.get("Republican", 0),
        other_offices_met=sum(n for label, n in party.items() if label not in known),
        asks_summary=_asks_summary(coverage.asks),
    )

"""Reads for reports that pages share, each in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import QuerySet

from chapters.models import Chapter
from chapters.selectors import led_chapter_ids
from events.models import Event
from meetings.models import Meeting, MeetingStatus
from meetings.people import delegate_of
from members.models import User
from reports.models import MeetingReport, ReportEdit

REPORTABLE_STATUSES = (
    MeetingStatus.SCHEDULED,
    MeetingStatus.CONFIRMED,
    MeetingStatus.HELD,
    MeetingStatus.NO_SHOW,
)


@dataclass
class DashboardLink:
    event: Event
    chapter: Chapter | None


def dashboards_for(*, user: User, events: int = 3) -> list[DashboardLink]:
    """The latest events' dashboards: every event's for staff, their chapters' for leaders."""
    latest = list(Event.objects.order_by("-date")[:events])
    if user.is_staff:
        return [DashboardLink(event, None) for event in latest]
    chapters = list(Chapter.objects.filter(pk__in=led_chapter_ids(user)).order_by("name"))
    return [DashboardLink(event, chapter) for event in latest for chapter in chapters]


def report_edits(report: MeetingReport) -> QuerySet[ReportEdit]:
    return report.edits.select_related("edited_by")


def meetings_to_report(*, user: User) -> QuerySet[Meeting]:
    """The meetings this person was part of, newest day first, with their report if any."""
    ids = Meeting.objects.filter(delegate_of(user), status__in=REPORTABLE_STATUSES).values("pk")
    return (
        Meeting.objects.filter(pk__in=ids)
        .select_related("event", "chapter", "lawmaker", "report", "lead")
        .order_by("-event__date", "starts_at")
    )

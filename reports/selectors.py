"""Reads for reports that pages share, each in a fixed number of queries."""

from django.db.models import Q, QuerySet

from meetings.models import Meeting, MeetingStatus, SeatStatus
from members.models import User
from reports.models import MeetingReport, ReportEdit

REPORTABLE_STATUSES = (
    MeetingStatus.SCHEDULED,
    MeetingStatus.CONFIRMED,
    MeetingStatus.HELD,
    MeetingStatus.NO_SHOW,
)


def report_edits(report: MeetingReport) -> QuerySet[ReportEdit]:
    return report.edits.select_related("edited_by")


def meetings_to_report(*, user: User) -> QuerySet[Meeting]:
    """The meetings this person was part of, newest day first, with their report if any."""
    mine = (
        Q(lead=user)
        | Q(note_taker=user)
        | Q(seat_set__user=user, seat_set__status=SeatStatus.CONFIRMED)
    )
    ids = Meeting.objects.filter(mine, status__in=REPORTABLE_STATUSES).values("pk")
    return (
        Meeting.objects.filter(pk__in=ids)
        .select_related("event", "chapter", "lawmaker", "report", "lead")
        .order_by("-event__date", "starts_at")
    )

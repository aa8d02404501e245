"""Filed reports in a briefing's history with an office (`talkingpoints.history`).

Registered in `ReportsConfig.ready`: talkingpoints is below reports and
never reads reports' models; reports says what a past meeting's outcome was.
"""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from reports.models import AskPosition, MeetingReport, ReportStatus


def filed_report_outcomes(meeting_ids: list[int]) -> dict[int, SafeString]:
    """The filed report of each meeting as HTML, in two queries for any number of meetings."""
    positions = AskPosition.objects.select_related("ask")
    reports = MeetingReport.objects.filter(
        meeting_id__in=meeting_ids, status=ReportStatus.FILED
    ).prefetch_related(Prefetch("positions", queryset=positions))
    return {
        report.meeting_id: render_to_string("reports/_past_report.html", {"report": report})
        for report in reports
    }

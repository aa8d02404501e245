"""Which meetings a person may export, narrowed by the export page's filters."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import QueryDict

from meetings.models import Meeting
from members.models import User
from reports.access import export_chapters_for
from reports.exports.filters import ExportFilter


class ExportFilterError(Exception):
    """The filters do not make sense (an unknown chapter, a bad date)."""

    def __init__(self, errors):
        super().__init__("The filters are not valid.")
        self.errors = errors


def export_filter(user: User, data: QueryDict | None) -> ExportFilter:
    chapters = export_chapters_for(user)
    meetings = Meeting.objects.all()
    if chapters is not None:
        meetings = meetings.filter(chapter__in=chapters)
    return ExportFilter(data, queryset=meetings, chapters=chapters)


def filtered_meetings(user: User, data: QueryDict) -> QuerySet[Meeting]:
    """Meetings the person may export, filtered; 403 for members, an error for bad filters."""
    chosen = export_filter(user, data)
    if not chosen.is_valid():
        raise ExportFilterError(chosen.errors)
    return chosen.qs


__all__ = ["ExportFilterError", "PermissionDenied", "export_filter", "filtered_meetings"]

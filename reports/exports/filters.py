"""The export page's filters over meetings (django-filter)."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from localflavor.us.us_states import STATE_CHOICES

from chapters.models import Chapter
from common.forms import SafeFilterSet
from events.models import Event
from lawmakers.models import Chamber, Committee, CommitteeSeat
from meetings.models import Meeting, MeetingStatus

PARTY_CHOICES = [(p, p) for p in ("Democrat", "Republican", "Independent")]
REPORT_CHOICES = [("filed", "Filed"), ("draft", "Draft"), ("none", "Not started")]


class ExportFilter(SafeFilterSet):
    event = django_filters.ModelChoiceFilter(
        queryset=Event.objects.order_by("-date"), empty_label="Every event"
    )
    chapter = django_filters.ModelChoiceFilter(
        queryset=Chapter.objects.order_by("name"), empty_label="Every chapter"
    )
    state = django_filters.ChoiceFilter(
        field_name="lawmaker__state", choices=STATE_CHOICES, empty_label="Every state"
    )
    chamber = django_filters.ChoiceFilter(
        field_name="lawmaker__chamber", choices=Chamber.choices, empty_label="Both chambers"
    )
    party = django_filters.ChoiceFilter(
        field_name="lawmaker__party", choices=PARTY_CHOICES, empty_label="Every party"
    )
    committee = django_filters.ModelChoiceFilter(
        queryset=Committee.objects.filter(parent__isnull=True, is_current=True).order_by(
            "kind", "name"
        ),
        method="on_committee",
        label="Committee",
        empty_label="Any committee",
    )
    status = django_filters.MultipleChoiceFilter(
        choices=MeetingStatus.choices,
        label="Meeting status",
        widget=forms.CheckboxSelectMultiple,
    )
    report = django_filters.ChoiceFilter(
        choices=REPORT_CHOICES, method="with_report", empty_label="Any report", label="Report"
    )
    date_from = django_filters.DateFilter(
        field_name="starts_at__date",
        lookup_expr="gte",
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="starts_at__date",
        lookup_expr="lte",
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Meeting
        fields = []

    def __init__(self, *args, chapters=None, **kwargs):
        super().__init__(*args, **kwargs)
        if chapters is not None:  # a leader: only their own chapters
            self.filters["chapter"].queryset = Chapter.objects.filter(
                pk__in=[chapter.pk for chapter in chapters]
            ).order_by("name")

    def on_committee(self, queryset, name, value):
        seats = CommitteeSeat.objects.filter(
            Q(committee=value) | Q(committee__parent=value), lawmaker_id=OuterRef("lawmaker_id")
        )
        return queryset.filter(Exists(seats))

    def with_report(self, queryset, name, value):
        if value == "none":
            return queryset.filter(report__isnull=True)
        return queryset.filter(report__status=value)

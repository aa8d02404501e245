"""Meeting reports: what happened in a meeting, the office's positions, follow-up.

A report starts as a draft the delegation saves as they go; filing it locks the
status to "filed" and every later change is kept as a `ReportEdit` with who and
when.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from meetings.models import Meeting
from talkingpoints.models import Ask


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    FILED = "filed", "Filed"


class MetWith(models.TextChoices):
    LAWMAKER = "lawmaker", "The lawmaker"
    STAFF = "staff", "Staff"
    BOTH = "both", "The lawmaker and staff"


class Position(models.TextChoices):
    """The office's position on one ask, from warmest to coldest."""

    SUPPORTS = "supports", "Supports"
    LEANING_YES = "leaning_yes", "Leaning yes"
    UNDECIDED = "undecided", "Undecided"
    LEANING_NO = "leaning_no", "Leaning no"
    OPPOSES = "opposes", "Opposes"
    NO_ANSWER = "no_answer", "No answer"


class MeetingReport(models.Model):
    """What happened in one meeting, written by its lead and delegation."""

    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="report")
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    # May stay empty in a draft: the report form offers no default (reports.forms), so a
    # draft never claims whom the delegation met; a filed report always says.
    met_with = models.CharField(
        "whom we met", max_length=10, choices=MetWith.choices, default=MetWith.STAFF, blank=True
    )
    met_name = models.CharField("name of the person we met", max_length=150, blank=True)
    met_title = models.CharField(
        "their title", max_length=150, blank=True, help_text="e.g. Legislative assistant"
    )
    concerns = models.TextField("concerns raised", blank=True)
    questions_promised = models.TextField("questions we promised to answer", blank=True)
    commitments = models.TextField("commitments made", blank=True)
    notes = models.TextField(blank=True)
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="meeting_reports_attended"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_reports_filed",
    )
    filed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["meeting__starts_at", "pk"]
        indexes = [models.Index(fields=["status", "filed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ReportStatus.values),
                name="reports_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(met_with__in=MetWith.values)
                | models.Q(met_with="", status=ReportStatus.DRAFT),
                name="reports_met_with_known",
            ),
            models.CheckConstraint(
                condition=models.Q(status=ReportStatus.DRAFT) | models.Q(filed_at__isnull=False),
                name="reports_filed_has_a_time",
            ),
        ]

    def __str__(self):
        return f"Report on {self.meeting}"

    @property
    def is_filed(self) -> bool:
        return self.status == ReportStatus.FILED


class AskPosition(models.Model):
    """The office's position on one ask we made in the meeting."""

    report = models.ForeignKey(MeetingReport, on_delete=models.CASCADE, related_name="positions")
    ask = models.ForeignKey(Ask, on_delete=models.PROTECT, related_name="positions")
    position = models.CharField(max_length=20, choices=Position.choices)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["ask__priority", "ask_id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "ask"], name="reports_one_position_per_ask"),
            models.CheckConstraint(
                condition=models.Q(position__in=Position.values),
                name="reports_position_known",
            ),
        ]

    def __str__(self):
        return f"{self.ask}: {self.get_position_display()}"


class ReportEdit(models.Model):
    """A change made to a report after it was filed: who, when, and what."""

    report = models.ForeignKey(MeetingReport, on_delete=models.CASCADE, related_name="edits")
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)
    summary = models.CharField(max_length=300)
    fields = models.JSONField(default=dict, blank=True, help_text="field: [before, after]")

    class Meta:
        ordering = ["-edited_at", "-pk"]

    def __str__(self):
        return self.summary


class FollowUpItem(models.Model):
    """Something we owe the office after the meeting, with an owner and a due date."""

    report = models.ForeignKey(
        MeetingReport, on_delete=models.CASCADE, related_name="follow_up_items"
    )
    description = models.CharField(max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_up_items",
    )
    due_date = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["owner", "done_at", "due_date"])]

    def __str__(self):
        return self.description

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class ExportJob(models.Model):
    """A large export written by a worker; only the person who asked may download it."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_exports"
    )
    kind = models.CharField(max_length=20)
    file_format = models.CharField(max_length=10)
    filters = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    file_name = models.CharField(max_length=200, blank=True)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # When a worker took it: a job "running" long after that lost its worker (the sweep).
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ExportStatus.values),
                name="reports_export_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(rows_done__lte=models.F("rows_total")),
                name="reports_export_progress_within_total",
            ),
        ]

    def __str__(self):
        return f"{self.kind} export ({self.file_format}) for {self.requested_by}"

    @property
    def is_pending(self) -> bool:
        """Queued or being written: there is no file to download yet."""
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)

    @property
    def is_expired(self) -> bool:
        """Written, then deleted after the retention period: export again for a new file."""
        return self.status == ExportStatus.DONE and not self.file_name

    @property
    def percent(self) -> int:
        if self.status == ExportStatus.DONE:
            return 100
        return int(100 * self.rows_done / self.rows_total) if self.rows_total else 0

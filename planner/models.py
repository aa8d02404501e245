"""What the planner keeps: an event's rules and targets, who knows whom, and each run's draft."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from chapters.models import Chapter
from events.models import Event
from lawmakers.models import Lawmaker
from meetings.models import Meeting


class TargetPriority(models.TextChoices):
    MUST = "must", "Must"
    SHOULD = "should", "Should"
    NICE = "nice", "Nice to have"
    SKIP = "skip", "Leave out"


class PlanRules(models.Model):
    """The planner's rules of an event beside the event's own (meeting length, walking gaps)."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="plan_rules")
    team_min = models.PositiveSmallIntegerField(default=2)
    team_max = models.PositiveSmallIntegerField(default=5)
    max_meetings_per_person = models.PositiveSmallIntegerField(default=4)
    lunch_starts = models.TimeField(null=True, blank=True)
    lunch_ends = models.TimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(team_min__gte=1, team_max__gte=models.F("team_min")),
                name="planner_team_bounds",
            ),
            models.CheckConstraint(
                condition=models.Q(lunch_starts__isnull=True, lunch_ends__isnull=True)
                | models.Q(lunch_ends__gt=models.F("lunch_starts")),
                name="planner_lunch_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"Planning rules of {self.event}"


class Target(models.Model):
    """An office staff want met, or a delegation office whose priority they changed."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="plan_targets")
    lawmaker = models.ForeignKey(Lawmaker, on_delete=models.CASCADE, related_name="+")
    priority = models.CharField(max_length=10, choices=TargetPriority.choices)
    reason = models.CharField(max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["lawmaker__state", "lawmaker__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "lawmaker"], name="planner_target_once"),
            models.CheckConstraint(
                condition=models.Q(priority__in=TargetPriority.values),
                name="planner_target_priority_known",
            ),
        ]

    def __str__(self):
        return f"{self.lawmaker} ({self.priority})"


class Acquaintance(models.Model):
    """ "I know someone in this office": the planner keeps this person in that meeting."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    lawmaker = models.ForeignKey(Lawmaker, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user", "lawmaker"], name="planner_acquaintance_once"
            ),
        ]

    def __str__(self):
        return f"{self.user} knows {self.lawmaker}"


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class PlanRun(models.Model):
    """One solve of an event's day (or one chapter's part of it), and what it proved."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="plan_runs")
    chapter = models.ForeignKey(
        Chapter,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty: the whole event.",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=200, blank=True)
    outcome = models.CharField(max_length=20, blank=True)
    gap = models.FloatField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    time_limit_seconds = models.PositiveSmallIntegerField()
    error = models.TextField(blank=True)
    # Why offices and people were left out, and contradictions found (from the solver).
    offices_left_out = models.JSONField(default=dict, blank=True)
    people_left_out = models.JSONField(default=dict, blank=True)
    conflicts = models.JSONField(default=list, blank=True)
    # A digest of the inputs the plan was made from; accepting refuses when they changed.
    fingerprint = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # When a worker took the run: the sweep fails runs whose worker died (started long ago).
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=RunStatus.values), name="planner_run_status_known"
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="planner_run_progress_at_most_100"
            ),
        ]

    def __str__(self):
        return f"Plan {self.pk} of {self.event}"

    @property
    def is_finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)


class ProposedMeeting(models.Model):
    """A meeting in a run's draft, with its team; accepting turns it into an ordinary meeting."""

    run = models.ForeignKey(PlanRun, on_delete=models.CASCADE, related_name="proposed")
    lawmaker = models.ForeignKey(Lawmaker, on_delete=models.CASCADE, related_name="+")
    # The chapter that owns the meeting once accepted.
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    # User ids of the team, the lead and the note-taker among them.
    people = models.JSONField(default=list)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note_taker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The existing meeting this one is (a pin or an earlier plan's), or the one accepting made.
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_pinned = models.BooleanField(default=False)
    accepted = models.BooleanField(default=False)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["run", "chapter"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="planner_proposed_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.lawmaker} at {self.starts_at:%H:%M} (proposed)"


class PlanAcceptance(models.Model):
    """Accepting a draft (whole, one chapter's part, or chosen meetings), done by a worker.

    A national plan makes hundreds of meetings and thousands of seats: more than a
    web request should wait for. All of it is one transaction, so an acceptance
    whose worker died wrote nothing, and the sweep marks it failed.
    """

    run = models.ForeignKey(PlanRun, on_delete=models.CASCADE, related_name="acceptances")
    chapter = models.ForeignKey(
        Chapter,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty: every part of the plan (or the chosen meetings).",
    )
    # The chosen proposed meetings' ids; empty: all of the plan, or all of the chapter's part.
    proposed_ids = models.JSONField(default=list, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    # How many proposed meetings it accepts (known when it is queued).
    meetings = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    cancelled = models.PositiveIntegerField(default=0)
    people = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=RunStatus.values),
                name="planner_acceptance_status_known",
            ),
        ]

    def __str__(self):
        return f"Acceptance {self.pk} of {self.run}"

    @property
    def is_finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)

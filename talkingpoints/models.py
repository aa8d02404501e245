"""Talking points: a Day of Action's asks, their history, leave-behinds and local notes.

An ask is national text written by staff; it is aimed at offices by chamber,
party, state and committee (every filled-in criterion must match; an empty one
matches every office). Chapter leaders add their own notes beside it for their
meetings and say who in the delegation leads which ask; they never change the
national text.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from events.models import Event
from lawmakers.models import Chamber, Committee
from meetings.models import Meeting


class Ask(models.Model):
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="asks")
    title = models.CharField(max_length=150)
    summary = models.CharField(
        "the ask in one sentence", max_length=300, help_text="What we ask the office to do."
    )
    background = models.TextField(blank=True, help_text="Markdown: why this matters.")
    talking_points = models.TextField(blank=True, help_text="Markdown: what to say.")
    bill_numbers = models.CharField(
        max_length=300,
        blank=True,
        help_text="Related bills, separated by commas: H.R. 1234, S. 56",
    )
    priority = models.PositiveSmallIntegerField(
        default=0, help_text="Lower comes first in every briefing."
    )
    target_chambers = models.JSONField(
        default=list, blank=True, help_text="Chambers aimed at (upper, lower); empty: both."
    )
    target_parties = models.JSONField(
        default=list, blank=True, help_text="Parties aimed at, e.g. Democrat; empty: every party."
    )
    target_states = models.JSONField(
        default=list, blank=True, help_text="Two-letter states aimed at; empty: every state."
    )
    target_committees = models.ManyToManyField(
        Committee,
        blank=True,
        related_name="targeting_asks",
        help_text="Offices with a seat on one of these (or one of their subcommittees).",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["event", "priority", "pk"]
        indexes = [models.Index(fields=["event", "priority"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(version__gte=1), name="tp_ask_version_positive"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def bills(self) -> list[str]:
        return [bill.strip() for bill in self.bill_numbers.split(",") if bill.strip()]

    @property
    def chamber_labels(self) -> list[str]:
        labels = dict(Chamber.choices)
        return [labels.get(chamber, chamber) for chamber in self.target_chambers]


class AskRevision(models.Model):
    """The national text of an ask as it stood at one version."""

    ask = models.ForeignKey(Ask, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=150)
    summary = models.CharField(max_length=300)
    background = models.TextField(blank=True)
    talking_points = models.TextField(blank=True)
    bill_numbers = models.CharField(max_length=300, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["ask", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["ask", "version"], name="tp_revision_once"),
        ]

    def __str__(self):
        return f"{self.ask_id} v{self.version}"


class AskReading(models.Model):
    """The version of an ask a person last read, to show them what changed since."""

    ask = models.ForeignKey(Ask, on_delete=models.CASCADE, related_name="readings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ask_readings"
    )
    version = models.PositiveIntegerField()
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ask", "user"], name="tp_reading_once"),
        ]

    def __str__(self):
        return f"{self.user_id} read {self.ask_id} v{self.version}"


def leave_behind_path(instance, filename):
    # The stored name is ours, not the uploader's: no path tricks, no clashes.
    return f"leave-behinds/{instance.ask.event_id}/{uuid.uuid4().hex}.pdf"


class LeaveBehind(models.Model):
    """A PDF the delegation hands to the office. Served only through an access check."""

    ask = models.ForeignKey(Ask, on_delete=models.CASCADE, related_name="leave_behinds")
    title = models.CharField(max_length=150)
    file = models.FileField(upload_to=leave_behind_path, max_length=300)
    original_name = models.CharField(max_length=255, blank=True)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["ask", "uploaded_at", "pk"]

    def __str__(self):
        return self.title


class NoteKind(models.TextChoices):
    STORY = "story", "Local story"
    POINT = "point", "Chapter point"


class MeetingNote(models.Model):
    """A chapter's own story or point for one meeting, beside (never inside) the national text."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="briefing_notes")
    ask = models.ForeignKey(
        Ask,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meeting_notes",
        help_text="The ask it supports; empty for the meeting as a whole.",
    )
    kind = models.CharField(max_length=10, choices=NoteKind.choices, default=NoteKind.STORY)
    body = models.TextField(help_text="Markdown.")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["meeting", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=NoteKind.values), name="tp_note_kind_known"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.meeting_id}"


class AskLead(models.Model):
    """Who in the delegation makes which ask in one meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="ask_leads")
    ask = models.ForeignKey(Ask, on_delete=models.CASCADE, related_name="leads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="asks_led"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "ask"], name="tp_one_lead_per_ask"),
        ]

    def __str__(self):
        return f"{self.user_id} leads {self.ask_id} in {self.meeting_id}"

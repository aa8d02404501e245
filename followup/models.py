"""When reminders go for an event, who confirmed from an email, and thank-you notes to offices."""

import datetime

from django.conf import settings
from django.db import models

from events.models import Event
from meetings.models import Meeting, Seat
from outbox.models import Email


class ReminderSettings(models.Model):
    """An event's reminder times, in the event's own time zone. Defaults when none is saved."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="reminder_settings")
    day_before_at = models.TimeField(
        "the day before, at",
        default=datetime.time(17, 0),
        help_text="Itinerary with confirm or cancel links.",
    )
    morning_of_at = models.TimeField("the morning of, at", default=datetime.time(7, 0))
    minutes_before_meeting = models.PositiveSmallIntegerField(
        "minutes before each meeting", default=30
    )
    leader_digest_at = models.TimeField(
        "leaders' daily summary at",
        default=datetime.time(9, 0),
        help_text="Each day of the week before: unconfirmed meetings and empty seats.",
    )
    report_after_minutes = models.PositiveSmallIntegerField(
        "ask for the report this many minutes after a meeting", default=60
    )
    report_nudge_hours = models.PositiveSmallIntegerField(
        "then nudge every (hours, twice at most)", default=24
    )
    feedback_at = models.TimeField(
        "feedback request the day after, at", default=datetime.time(10, 0)
    )

    class Meta:
        verbose_name_plural = "reminder settings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes_before_meeting__gte=5, minutes_before_meeting__lte=240),
                name="followup_minutes_before_meeting_range",
            ),
            models.CheckConstraint(
                condition=models.Q(report_nudge_hours__gte=1),
                name="followup_report_nudge_hours_positive",
            ),
        ]

    def __str__(self):
        return f"Reminders for {self.event}"


class SeatConfirmation(models.Model):
    """The person said, from the day-before email, that they will be there."""

    seat = models.OneToOneField(
        Seat, on_delete=models.CASCADE, related_name="attendance_confirmation"
    )
    confirmed_at = models.DateTimeField()

    def __str__(self):
        return f"{self.seat} confirmed"


class LetterKind(models.TextChoices):
    THANK_YOU = "thank_you", "Thank-you note to an office"


class LetterTemplate(models.Model):
    """A letter with merge fields ({{ staffer_name }} …) that staff edit; one per kind."""

    kind = models.CharField(max_length=30, choices=LetterKind.choices, unique=True)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=LetterKind.values), name="followup_letter_kind_known"
            )
        ]

    def __str__(self):
        return self.get_kind_display()


class NoteStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent"


class ThankYouNote(models.Model):
    """The thank-you to the office met, drafted from the report, edited and sent by the lead."""

    meeting = models.OneToOneField(
        Meeting, on_delete=models.PROTECT, related_name="thank_you_note"
    )
    to = models.EmailField("to (the office's contact)", blank=True)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=NoteStatus.choices, default=NoteStatus.DRAFT)
    email = models.OneToOneField(
        Email, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=NoteStatus.values), name="followup_note_status_known"
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | ~models.Q(to=""),
                name="followup_sent_note_has_recipient",
            ),
        ]

    def __str__(self):
        return f"Thank-you for {self.meeting}"


class EventFeedback(models.Model):
    """A participant's short feedback after the day."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="feedback")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="followup_feedback_once"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="followup_rating_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.user} on {self.event}: {self.rating}"

"""Office contacts kept across years, request letters, and each meeting's request to its office."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from chapters.models import Chapter
from lawmakers.models import Lawmaker
from meetings.models import Meeting


class ContactRole(models.TextChoices):
    SCHEDULER = "scheduler", "Scheduler"
    IMMIGRATION = "immigration", "Staffer for immigration"
    OTHER = "other", "Other staff"


class OfficeContact(models.Model):
    """Someone in a lawmaker's office; kept from one Day of Action to the next."""

    lawmaker = models.ForeignKey(Lawmaker, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(max_length=20, choices=ContactRole.choices)
    name = models.CharField(max_length=150)
    title = models.CharField(max_length=150, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    notes = models.TextField(blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["role", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=ContactRole.values), name="officerequests_role_known"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()}, {self.lawmaker})"


class RequestTemplate(models.Model):
    """The wording of a request letter: national (no chapter, kept by staff) or a chapter's."""

    chapter = models.OneToOneField(
        Chapter,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="request_template",
    )
    subject = models.CharField(max_length=200)
    body = models.TextField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            # One national wording: the chapter's column is unique with NULL counted too.
            models.UniqueConstraint(
                fields=["chapter"], nulls_distinct=False, name="officerequests_one_template_each"
            ),
        ]

    def __str__(self):
        return f"Request letter ({self.chapter or 'national'})"


class SentHow(models.TextChoices):
    EMAIL = "email", "By email"
    FORM = "form", "Through the office's web form"


class Answer(models.TextChoices):
    ACCEPT = "accept", "Accepted the proposed time"
    OTHER_TIME = "other_time", "Proposed another time"
    VIDEO = "video", "Asked for video or phone"
    STAFF = "staff", "Meeting with staff"
    DECLINE = "decline", "Declined"


class AnsweredHow(models.TextChoices):
    LINK = "link", "Through the reply link"
    PHONE = "phone", "By phone"
    EMAIL = "email", "By email"


class MeetingRequest(models.Model):
    """A meeting's request to its office: when it went, how, and what the office answered."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="request")
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_how = models.CharField(max_length=10, choices=SentHow.choices, blank=True)
    sent_to = models.EmailField(blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sends = models.PositiveSmallIntegerField(default=0, help_text="How many times it went.")
    opened_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(max_length=12, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_how = models.CharField(max_length=10, choices=AnsweredHow.choices, blank=True)
    staff_name = models.CharField("staffer's name", max_length=150, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sent_how__in=[*SentHow.values, ""]),
                name="officerequests_sent_how_known",
            ),
            models.CheckConstraint(
                condition=models.Q(answer__in=[*Answer.values, ""]),
                name="officerequests_answer_known",
            ),
            models.CheckConstraint(
                condition=models.Q(answered_how__in=[*AnsweredHow.values, ""]),
                name="officerequests_answered_how_known",
            ),
            models.CheckConstraint(
                condition=models.Q(reminders_sent__lte=2), name="officerequests_two_reminders"
            ),
        ]

    def __str__(self):
        return f"Request for {self.meeting}"

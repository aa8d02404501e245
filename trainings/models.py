"""Trainings, webinars, briefings and debriefs; who signed up, who came; waivers."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from chapters.models import Chapter
from events.models import Event

CHECK_IN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on a call
CHECK_IN_LENGTH = 6


def check_in_code_new() -> str:
    return "".join(secrets.choice(CHECK_IN_ALPHABET) for _ in range(CHECK_IN_LENGTH))


class SessionKind(models.TextChoices):
    TRAINING = "training", "Training"
    WEBINAR = "webinar", "Webinar"
    BRIEFING = "briefing", "Briefing"
    DEBRIEF = "debrief", "Debrief"


class SessionMode(models.TextChoices):
    ONLINE = "online", "Online"
    IN_PERSON = "in_person", "In person"


class Session(models.Model):
    """One session people sign up for, run by national staff (no chapter) or a chapter."""

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=SessionKind.choices)
    description = models.TextField(blank=True)
    chapter = models.ForeignKey(
        Chapter,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions",
        help_text="Empty for a national session.",
    )
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    mode = models.CharField(max_length=20, choices=SessionMode.choices)
    join_url = models.URLField(max_length=500, blank=True)
    place = models.CharField(max_length=300, blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    time_zone = models.CharField(max_length=64, default="America/New_York")
    capacity = models.PositiveIntegerField()
    places_taken = models.PositiveIntegerField(default=0)
    check_in_code = models.CharField(max_length=CHECK_IN_LENGTH, default=check_in_code_new)
    materials_url = models.URLField(max_length=500, blank=True)
    recording_url = models.URLField(max_length=500, blank=True)
    counts_for = models.ManyToManyField(
        Event,
        blank=True,
        related_name="required_sessions",
        help_text="Days of Action for which attending this session is the required training.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(places_taken__lte=F("capacity")), name="session_never_oversold"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=SessionKind.values), name="session_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(mode__in=SessionMode.values), name="session_mode_known"
            ),
            models.CheckConstraint(
                condition=Q(join_url="") | Q(join_url__startswith="https://"),
                name="session_join_link_https",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def is_online(self) -> bool:
        return self.mode == SessionMode.ONLINE

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.places_taken, 0)


class SignupStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    WAITLISTED = "waitlisted", "On the waitlist"
    CANCELLED = "cancelled", "Cancelled"


LIVE_SIGNUPS = (SignupStatus.CONFIRMED, SignupStatus.WAITLISTED)


class Signup(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="signups")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_signups"
    )
    status = models.CharField(max_length=20, choices=SignupStatus.choices)
    requested_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended_at = models.DateTimeField(null=True, blank=True)
    checked_in_with_code = models.BooleanField(default=False)

    class Meta:
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(status__in=LIVE_SIGNUPS),
                name="one_live_signup_per_person_and_session",
            ),
            models.CheckConstraint(
                condition=Q(status__in=SignupStatus.values), name="signup_status_known"
            ),
            models.CheckConstraint(
                condition=Q(attended_at__isnull=True) | Q(status=SignupStatus.CONFIRMED),
                name="only_confirmed_signups_attend",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.session}"


class Waiver(models.Model):
    """A leader let this person take part in the event without the required training."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="training_waivers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_waivers"
    )
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="one_waiver_per_person_and_event"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.event} (waived)"


class MentorshipStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"


class Mentorship(models.Model):
    """An experienced member of the chapter paired with a first-timer for one Day of Action."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="mentorships")
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="mentorships")
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentees_of"
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentors_of"
    )
    status = models.CharField(
        max_length=20, choices=MentorshipStatus.choices, default=MentorshipStatus.SUGGESTED
    )
    reason = models.CharField(max_length=200, blank=True, help_text="Why this pair.")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["mentor_id", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "mentee"], name="one_mentor_per_mentee"),
            models.CheckConstraint(
                condition=~Q(mentor=F("mentee")), name="nobody_mentors_themselves"
            ),
            models.CheckConstraint(
                condition=Q(status__in=MentorshipStatus.values), name="mentorship_status_known"
            ),
        ]

    def __str__(self):
        return f"{self.mentor} mentors {self.mentee} ({self.event})"

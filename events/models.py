from django.db import models
from localflavor.us.models import USStateField


class Level(models.TextChoices):
    NATIONAL = "national", "National (Congress, in Washington)"
    STATE = "state", "State (a state legislature)"


class EventStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Event(models.Model):
    """A Day of Action: one day of meetings with lawmakers, national or at a state capitol."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.NATIONAL)
    state = USStateField(blank=True, help_text="For a state Day of Action: whose legislature.")
    date = models.DateField()
    time_zone = models.CharField(max_length=64, default="America/New_York")
    theme = models.CharField(max_length=300, blank=True)
    status = models.CharField(
        max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level=Level.NATIONAL, state="")
                | models.Q(level=Level.STATE) & ~models.Q(state=""),
                name="events_state_given_for_state_level_only",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=EventStatus.values),
                name="events_status_known",
            ),
        ]

    def __str__(self):
        return self.name

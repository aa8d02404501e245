"""Asking to join a chapter found from a ZIP code, and joining at large."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from chapters.models import Chapter


class JoinStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a leader"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"
    AT_LARGE = "at_large", "At large (no chapter covers the ZIP code)"


class JoinRequest(models.Model):
    chapter = models.ForeignKey(
        Chapter, null=True, blank=True, on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    zip_code = models.CharField(max_length=5)
    status = models.CharField(max_length=20, choices=JoinStatus.choices)
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=JoinStatus.values), name="join_status_known"
            ),
            models.CheckConstraint(
                condition=Q(chapter__isnull=True, status=JoinStatus.AT_LARGE)
                | Q(chapter__isnull=False) & ~Q(status=JoinStatus.AT_LARGE),
                name="at_large_exactly_without_chapter",
            ),
            models.UniqueConstraint(
                fields=["chapter", "user"],
                condition=Q(status=JoinStatus.PENDING),
                name="one_pending_join_request_per_chapter",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status=JoinStatus.AT_LARGE),
                name="at_large_once",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.chapter or 'at large'} ({self.get_status_display()})"

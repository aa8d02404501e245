from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from localflavor.us.models import USStateField


class Chapter(models.Model):
    """A local chapter of the organisation; it may cover several states."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def state_codes(self) -> list[str]:
        """The states, read from a prefetch of `states` when there is one."""
        return sorted(state.state for state in self.states.all())


class ChapterState(models.Model):
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="states")
    state = USStateField()

    class Meta:
        ordering = ["state"]
        constraints = [
            models.UniqueConstraint(fields=["chapter", "state"], name="chapters_state_once"),
        ]

    def __str__(self):
        return f"{self.chapter}: {self.state}"


class ChapterDistrict(models.Model):
    """A narrower service area: in a state with several chapters, the congressional
    districts this one serves. The precedence is `chapters.coverage.chapters_covering`."""

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="districts")
    state = USStateField()
    district = models.PositiveSmallIntegerField(help_text="0 is an at-large seat.")

    class Meta:
        ordering = ["state", "district"]
        constraints = [
            models.UniqueConstraint(
                fields=["chapter", "state", "district"], name="chapters_district_once"
            ),
        ]

    def __str__(self):
        return f"{self.chapter}: {self.state}-{self.district}"


class Role(models.TextChoices):
    MEMBER = "member", "Member"
    LEADER = "leader", "Leader"
    VICE_CHAIR = "vice_chair", "Vice chair"
    CHAIR = "chair", "Chair"


LEADER_ROLES = (Role.LEADER, Role.VICE_CHAIR, Role.CHAIR)


class Membership(models.Model):
    """A person in a chapter, with their role there."""

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["chapter__name"]
        constraints = [
            models.UniqueConstraint(fields=["chapter", "user"], name="chapters_member_once"),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="chapters_membership_role_known"
            ),
        ]

    def __str__(self):
        return f"{self.user} in {self.chapter} ({self.get_role_display()})"

    @property
    def is_leader(self) -> bool:
        return self.role in LEADER_ROLES


class InvitationStatus(models.TextChoices):
    PENDING = "pending", "Waiting to send"
    SENT = "sent", "Sent"
    OPENED = "opened", "Opened"
    ACCEPTED = "accepted", "Accepted"
    EXPIRED = "expired", "Expired"
    REVOKED = "revoked", "Revoked"


OPEN_INVITATION_STATUSES = (
    InvitationStatus.PENDING,
    InvitationStatus.SENT,
    InvitationStatus.OPENED,
)


class Invitation(models.Model):
    """An email invitation to join a chapter.

    Only a hash of the secret link's token is stored; resending makes a new
    token, so a forwarded old email stops working.
    """

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(max_length=254)
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        max_length=20, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    last_sent_at = models.DateTimeField(null=True, blank=True)
    times_sent = models.PositiveSmallIntegerField(default=0)
    opened_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accepted_invitations",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "chapter",
                condition=models.Q(status__in=OPEN_INVITATION_STATUSES),
                name="chapters_one_open_invitation_per_email",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=InvitationStatus.values),
                name="chapters_invitation_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="chapters_invitation_role_known"
            ),
        ]

    def __str__(self):
        return f"Invitation for {self.email} to {self.chapter}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_INVITATION_STATUSES and self.expires_at > timezone.now()

    @property
    def can_resend(self) -> bool:
        return self.status in (*OPEN_INVITATION_STATUSES, InvitationStatus.EXPIRED)

    @property
    def can_revoke(self) -> bool:
        return self.status in OPEN_INVITATION_STATUSES

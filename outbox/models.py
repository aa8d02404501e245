"""Every email the app sends is a row: queued, then sending, then sent (or failed / cancelled)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class EmailState(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"


class Email(models.Model):
    """One email to one person. `key` makes it exist once (e.g. person + meeting + kind).

    Either `template_prefix` + `context` (rendered when it goes out, through the composer
    registered for its `kind` if any), or a ready `subject` and bodies (template_prefix empty).
    """

    key = models.CharField(max_length=255, unique=True)
    to = models.EmailField(max_length=254)
    kind = models.CharField(max_length=80, db_index=True)
    # What it is about: a readable topic ("meeting:12") and, where there is one, the row.
    topic = models.CharField(max_length=120, blank=True, db_index=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    template_prefix = models.CharField(max_length=200, blank=True)
    context = models.JSONField(default=dict, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    body_text = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    reply_to = models.EmailField(max_length=254, blank=True)
    # [{"filename": ..., "content": text, "mimetype": ...}]
    attachments = models.JSONField(default=list, blank=True)
    # Essential mail (about the person's own meetings) goes even to people who opted out.
    essential = models.BooleanField(default=True)
    send_after = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=12, choices=EmailState.choices, default=EmailState.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # When a send task was last put on the broker for it; the beat re-dispatches after a while.
    dispatched_at = models.DateTimeField(null=True, blank=True)
    # When a worker took it; a row "sending" for too long is swept back to the queue.
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-send_after", "-pk"]
        indexes = [
            models.Index(
                fields=["send_after"],
                condition=models.Q(state="queued"),
                name="outbox_email_due",
            ),
            models.Index(
                fields=["claimed_at"],
                condition=models.Q(state="sending"),
                name="outbox_email_sending",
            ),
            models.Index(Lower("to"), name="outbox_email_to_lower"),
            models.Index(fields=["state", "-send_after"], name="outbox_email_state_when"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=EmailState.values), name="outbox_email_state_known"
            ),
            models.CheckConstraint(
                condition=~models.Q(template_prefix="", subject=""),
                name="outbox_email_template_or_subject",
            ),
        ]

    def __str__(self):
        return f"{self.kind} to {self.to} ({self.state})"

    @property
    def message_id(self) -> str:
        """Stable per row, so a receiver (and our tests) can tell a duplicate from a new email."""
        return f"<outbox-{self.pk}@dayofaction.email>"

    @property
    def can_retry(self) -> bool:
        return self.state in (EmailState.FAILED, EmailState.CANCELLED)


class OptOut(models.Model):
    """An address that wants no non-essential mail (newsletters, feedback, nudges)."""

    email = models.EmailField(max_length=254)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="outbox_optout_email_unique_ci"),
        ]

    def __str__(self):
        return self.email


class ServerFaultKind(models.TextChoices):
    LOGIN = "login", "The mail server refused our login"
    CONNECTION = "connection", "We could not reach the mail server"


class MailServerFault(models.Model):
    """The mail server's own trouble (login refused, unreachable), one row while it lasts.

    Not any one email's fault: every email waiting is retried with a backoff that
    grows with `failures`, and staff are told once, on the outbox page. The row is
    deleted by the first batch that sends an email again.
    """

    ONLY = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=ONLY)
    kind = models.CharField(max_length=12, choices=ServerFaultKind.choices)
    error = models.TextField()
    first_at = models.DateTimeField()
    last_at = models.DateTimeField()
    failures = models.PositiveIntegerField(default=1)
    next_try_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="outbox_server_fault_one_row"),
            models.CheckConstraint(
                condition=models.Q(kind__in=ServerFaultKind.values),
                name="outbox_server_fault_kind_known",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.failures} times since {self.first_at})"

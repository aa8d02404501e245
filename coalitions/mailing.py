"""Coalition emails (invitations, thank-yous, letters) go through the outbox, one row each.

The text was merged from the chapter's template already; the email templates
only frame it and add the button. The outbox's unique key makes each send
happen once (a resend is a new key).
"""

from django.db import models

from outbox.services import email_queue

TEMPLATE_PREFIX = "coalitions/email/message"


def queue_email(
    *,
    to: str,
    kind: str,
    key: str,
    subject: str,
    body: str,
    chapter: str,
    link: str = "",
    button: str = "",
    about: models.Model | None = None,
    topic: str = "",
) -> None:
    email_queue(
        to=to,
        kind=kind,
        key=key,
        template_prefix=TEMPLATE_PREFIX,
        context={
            "subject": subject,
            "body": body,
            "chapter": chapter,
            "link": link,
            "button": button,
        },
        about=about,
        topic=topic,
    )

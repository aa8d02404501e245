"""Render an email from templates (subject, text and HTML bodies) and send it."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def render_email(*, template_prefix: str, to: str, context: dict) -> EmailMultiAlternatives:
    """`<prefix>_subject.txt`, `<prefix>_message.txt` and `<prefix>_message.html`."""
    context = {"site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"{template_prefix}_subject.txt", context)
    subject = " ".join(subject.split())
    text = render_to_string(f"{template_prefix}_message.txt", context)
    html = render_to_string(f"{template_prefix}_message.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to])
    message.attach_alternative(html, "text/html")
    return message

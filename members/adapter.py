import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from members.services import profile_for
from outbox.services import email_queue


class AccountAdapter(DefaultAccountAdapter):
    """allauth hooks: profiles for new accounts; account emails go out through the outbox."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            profile_for(user=user)
        return user

    def send_mail(self, template_prefix, email, context):
        """Render as allauth does; the outbox sends it once and keeps the row."""
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": request,
                "email": email,
                "current_site": get_current_site(request),
                **context,
            },
        )
        html = next(
            (body for body, kind in getattr(message, "alternatives", []) if kind == "text/html"),
            "",
        )
        text = message.body
        if message.content_subtype == "html":
            html, text = message.body, ""
        kind = "account." + template_prefix.rsplit("/", 1)[-1]
        for recipient in message.to:
            email_queue(
                to=recipient,
                kind=kind,
                key=f"{kind}:{uuid.uuid4().hex}",
                subject=message.subject,
                body_text=text,
                body_html=html,
            )

"""Forgetting a public supporter: a link by email, then their details erased.

The page answers the same whether the address is known or not, and the link
holds a signed row id, never the address.
"""

from django.conf import settings
from django.core import signing
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from actions import services
from actions.forms import ForgetForm
from actions.limits import refused, too_many
from actions.models import Supporter
from outbox.services import email_queue

FORGET_SALT = "actions.forget"
FORGET_DAYS = 7


@never_cache
def forget(request):
    form = ForgetForm(request.POST or None)
    if request.method == "POST":
        if too_many(request, request.POST.get("email", "")):
            return refused(request)
        if form.is_valid():
            _send_forget_link(form.cleaned_data["email"])
            return render(request, "actions/forget_sent.html")
    return render(request, "actions/forget.html", {"form": form})


def _send_forget_link(email: str) -> None:
    """The same answer whether we know the address or not: nothing to enumerate."""
    supporter = (
        Supporter.objects.filter(email=email.strip().lower(), forgotten_at__isnull=True)
        .order_by("pk")
        .first()
    )
    if supporter is None:
        return
    token = signing.dumps(supporter.pk, salt=FORGET_SALT)
    link = settings.SITE_URL.rstrip("/") + reverse("actions:forget_confirm", args=[token])
    email_queue(
        to=supporter.email,
        kind="actions.forget",
        key=f"actions.forget:{supporter.pk}:{token[-12:]}",
        template_prefix="actions/email/forget",
        context={"link": link, "days": FORGET_DAYS},
    )


@never_cache
def forget_confirm(request, token):
    try:
        supporter_id = signing.loads(token, salt=FORGET_SALT, max_age=FORGET_DAYS * 86400)
    except signing.BadSignature:
        return render(
            request,
            "actions/refused.html",
            {"problem": "This link is not valid or has expired: ask for a new one."},
            status=400,
        )
    supporter = get_object_or_404(Supporter, pk=supporter_id)
    if request.method == "POST":
        if too_many(request):
            return refused(request)
        if supporter.email:
            services.supporters_forget(email=supporter.email)
        return render(request, "actions/forgotten.html")
    return render(request, "actions/forget_confirm.html", {"done": not supporter.email})

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from outbox import access, faults, labels, selectors, sending, services
from outbox.filters import OutboxFilter
from outbox.models import EmailState
from outbox.templatetags.outbox_tags import kind_label, topic_label
from outbox.unsubscribe import email_for_token

PAGE_SIZE = 50


@login_required
def outbox_list(request):
    access.require_staff(request.user)
    filtered = OutboxFilter(request.GET or None, queryset=selectors.emails_for_outbox())
    page = Paginator(filtered.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    counts = selectors.outbox_counts()
    failed_groups = selectors.failed_groups()
    about = labels.topic_labels(
        [email.topic for email in page.object_list]
        + [group["topic"] for group in failed_groups["topics"]]
    )
    for email in page.object_list:
        email.about = about.get(email.topic, "")
    for group in failed_groups["topics"]:
        group["about"] = about[group["topic"]]
    return render(
        request,
        "outbox/outbox_list.html",
        {
            "filter": filtered,
            "page": page,
            "counts": counts,
            "tiles": selectors.outbox_tiles(counts),
            "server_fault": faults.server_fault_current(),
            "failed_groups": failed_groups,
            "current_state": request.GET.get("state", ""),
            "query_string": query.urlencode(),
        },
    )


@login_required
def email_detail(request, pk):
    email = access.email_for_staff(request.user, pk)
    preview = sending.preview(email) if email.state == EmailState.QUEUED else None
    email.about = topic_label(email.topic) if email.topic else ""
    return render(request, "outbox/email_detail.html", {"email": email, "preview": preview})


@login_required
@require_POST
def email_retry_view(request, pk):
    email = access.email_for_staff(request.user, pk)
    try:
        services.email_retry(email_id=email.pk)
    except services.OutboxError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The email to {email.to} is queued again and goes out now.")
    return redirect("outbox:detail", pk=email.pk)


@login_required
@require_POST
def emails_retry_failed_view(request):
    """One POST retries every failed email of a kind, or about one topic (an event)."""
    access.require_staff(request.user)
    kind, topic = request.POST.get("kind", "").strip(), request.POST.get("topic", "").strip()
    try:
        count = services.emails_retry_failed(kind=kind, topic=topic)
    except services.OutboxError as error:
        messages.error(request, str(error))
        return redirect("outbox:list")
    emails = f"email{pluralize(count)}"
    what = f"“{kind_label(kind)}” {emails}" if kind else f"{emails} about {topic_label(topic)}"
    if count:
        they = "it goes" if count == 1 else "they go"
        messages.success(request, f"{count} failed {what} queued again; {they} out now.")
    else:
        messages.info(request, f"No failed {what} left to retry.")
    return redirect("outbox:list")


@csrf_exempt  # RFC 8058 one-click: mail clients POST without our cookie; the token is the check
def unsubscribe(request, token):
    address = email_for_token(token)
    if address is None:
        return render(request, "outbox/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        if request.POST.get("resubscribe"):
            services.opt_in(email=address)
        else:
            services.opt_out(email=address)
    return render(
        request,
        "outbox/unsubscribe.html",
        {
            "address": address,
            "opted_out": services.is_opted_out(address),
            "token": token,
            "asked": request.method == "POST",
        },
    )

"""Find your chapter (public, rate-limited), ask to join it, and the leaders' answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from chapters.access import chapter_for_leader
from chapters.models import Chapter, Membership
from common.ratelimits import client_address, over_limit
from joining import access, services
from joining.finding import UnknownZip, find_for_zip
from joining.forms import ZipForm
from joining.models import JoinRequest, JoinStatus

LOOKUPS_PER_WINDOW = 30
WINDOW_SECONDS = 600


def find(request):
    form = ZipForm(request.GET or None)
    finding, status = None, 200
    if form.is_bound and form.is_valid():
        if over_limit(
            f"joining.find:{client_address(request)}",
            limit=LOOKUPS_PER_WINDOW,
            seconds=WINDOW_SECONDS,
        ):
            form.add_error(None, "Too many look-ups from here in a short time: try again later.")
            status = 429
        else:
            try:
                finding = find_for_zip(form.cleaned_data["zip"])
            except UnknownZip as error:
                form.add_error("zip", str(error))
                status = 400
    elif form.is_bound:
        status = 400
    mine = set()
    if finding and request.user.is_authenticated:
        mine = set(
            Membership.objects.filter(user=request.user).values_list("chapter_id", flat=True)
        )
    return render(
        request,
        "joining/find.html",
        {"form": form, "finding": finding, "mine": mine},
        status=status,
    )


def _back_to_find(zip_code: str) -> str:
    return reverse("joining:find") + "?" + urlencode({"zip": zip_code})


@login_required
def ask(request, slug):
    """Confirm and send the request (a GET after login shows the button; a POST sends)."""
    chapter = get_object_or_404(Chapter, slug=slug)
    zip_code = request.POST.get("zip") or request.GET.get("zip", "")
    if request.method == "POST":
        try:
            services.join_request_create(chapter=chapter, user=request.user, zip_code=zip_code)
        except (services.JoinError, UnknownZip) as error:
            messages.error(request, str(error))
            return redirect(_back_to_find(zip_code))
        messages.success(
            request, f"Your request to join {chapter.name} is sent: its leaders will answer."
        )
        return redirect("home")
    return render(request, "joining/ask.html", {"chapter": chapter, "zip_code": zip_code})


@login_required
@require_POST
def at_large(request):
    zip_code = request.POST.get("zip", "")
    try:
        services.join_at_large(user=request.user, zip_code=zip_code)
    except (services.JoinError, UnknownZip) as error:
        messages.error(request, str(error))
        return redirect(_back_to_find(zip_code))
    messages.success(request, "You joined at large. National staff will be in touch.")
    return redirect("home")


@login_required
def requests(request, slug):
    chapter = chapter_for_leader(request.user, slug)
    pending = JoinRequest.objects.filter(chapter=chapter, status=JoinStatus.PENDING)
    answered = JoinRequest.objects.filter(chapter=chapter).exclude(status=JoinStatus.PENDING)
    return render(
        request,
        "joining/requests.html",
        {
            "chapter": chapter,
            "pending": pending.select_related("user"),
            "answered": answered.select_related("user", "decided_by").order_by("-decided_at")[:50],
        },
    )


@login_required
@require_POST
def decide(request, slug, pk):
    join_request = access.join_request_for_leader(request.user, slug, pk)
    approve = request.POST.get("answer") == "approve"
    try:
        services.join_request_decide(request=join_request, by=request.user, approve=approve)
    except services.JoinError as error:
        messages.error(request, str(error))
    else:
        who = join_request.user.full_name or join_request.user.email
        messages.success(request, f"{who} is {'a member now' if approve else 'declined'}.")
    return redirect("joining:requests", slug=slug)

"""Calendar files: the feed behind a secret token, the download, and revoking the token."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from common.redirects import next_or
from events.services import registrations_mark
from meetings.calendar import calendar_for, calendar_seats, feed_revoke
from meetings.models import CalendarFeed

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar_response(request, user, *, filename: str | None = None) -> HttpResponse:
    body = calendar_for(
        user=user,
        seats=calendar_seats(user=user),
        site=request.build_absolute_uri("/").rstrip("/"),
    )
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    # The feed's address is the secret: keep it out of shared caches and referrers.
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def calendar_feed(request, token):
    """For calendar apps, which cannot log in: the token in the address is the key."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("user", "user__profile"), token=token
    )
    if not feed.user.is_active:
        return HttpResponse(status=404)
    registrations_mark(user=feed.user, mark="calendar_added_at")
    return _calendar_response(request, feed.user)


@login_required
@require_GET
def calendar_download(request):
    registrations_mark(user=request.user, mark="calendar_added_at")
    return _calendar_response(request, request.user, filename="my-meetings.ics")


@login_required
@require_POST
def calendar_revoke(request):
    feed_revoke(user=request.user)
    messages.success(
        request,
        "Your calendar has a new address. Calendars subscribed to the old one stop updating: "
        "subscribe again with the new link.",
    )
    return redirect(next_or(request, reverse("home")))

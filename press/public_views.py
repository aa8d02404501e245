"""What the public sees: a published page, its calendar file and share card, the short links,
the RSVP of a coalition event, and participants' own meeting cards."""

import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from coalitions.guests import GuestData, GuestError, guest_add, guest_respond
from coalitions.models import GuestKind
from common.ratelimits import client_address, over_limit
from press import access, cards, public, releases, selectors, social
from press.forms import RsvpForm
from press.models import MeetingCard
from press.pages import day_facts, public_url, share_image_url
from press.share_image import card_png

CARD_MAX_AGE = 3600
# RSVPs from one address in a window (a family, an office behind one address): more is
# a script, refused with 429 (counted in the shared cache, as every public form is).
RSVPS_PER_WINDOW = 20
RSVP_WINDOW = 600
# As Django's json_script: nothing typed into a page can close the script element.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def public_page(request, slug):
    page = access.page_for_public(request.user, slug)
    json_ld = json.dumps(public.event_json_ld(page), ensure_ascii=False).translate(JSON_ESCAPES)
    return render(
        request,
        "press/public_page.html",
        {
            "page": page,
            "facts": day_facts(page),
            "partners": public.partner_names(page),
            "json_ld": json_ld,
            "page_url": public_url(page),
            "image_url": share_image_url(page),
            "take_part": public.take_part_sections(request, page),
            "clippings": selectors.clippings_of(page=page)[:10],
            "releases": selectors.public_releases(page=page),
            "share_links": social.visitor_share_links(page, public_url(page)),
            "may_manage": request.user.is_authenticated and access.may_manage(request.user, page),
            "may_contribute": access.may_contribute(request.user, page),
        },
    )


def calendar_file(request, slug):
    page = access.page_for_public(request.user, slug)
    response = HttpResponse(public.event_ics(page), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"{page.slug}.ics")
    return response


def _png(request, text):
    png, etag = card_png(text)
    quoted = f'"{etag}"'
    if request.headers.get("If-None-Match") == quoted:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(png, content_type="image/png")
    response["ETag"] = quoted
    response["Cache-Control"] = f"public, max-age={CARD_MAX_AGE}"
    return response


def share_image(request, slug):
    page = access.page_for_public(request.user, slug)
    return _png(request, public.card_text(page))


def short_link(request, code):
    post = social.post_clicked(code=code)
    if post is None or not post.page.is_published:
        raise Http404("No such link.")
    return redirect(f"{reverse('press:public', args=[post.page.slug])}?from={post.platform}")


@require_POST
def rsvp(request, slug):
    page = access.page_for_public(request.user, slug)
    if page.coalition_event_id is None or not page.is_published:
        raise Http404("This page takes no RSVPs.")
    if over_limit(
        f"press.rsvp:{client_address(request)}", limit=RSVPS_PER_WINDOW, seconds=RSVP_WINDOW
    ):
        return render(request, "press/rsvp_problem.html", {"page": page, "busy": True}, status=429)
    form = RsvpForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "press/rsvp_problem.html",
            {"page": page, "form": form},
            status=400,
        )
    data = GuestData(kind=GuestKind.PUBLIC, **form.cleaned_data)
    try:
        guest = guest_add(event=page.coalition_event, data=data)
    except GuestError:
        pass  # already on the list: the same answer, so the page tells no one who is
    else:
        guest_respond(guest=guest, accept=True)
    messages.success(request, "Thank you: you are on the list. See you there.")
    return redirect("press:public", slug=page.slug)


def _card(code) -> MeetingCard:
    card = get_object_or_404(
        MeetingCard.objects.select_related("meeting__lawmaker", "meeting__event", "user"),
        code=code,
        withdrawn_at__isnull=True,
    )
    return card


def card_page(request, code):
    card = _card(code)
    return render(
        request,
        "press/card_public.html",
        {
            "card": card,
            "text": cards.card_text(card),
            "image_url": cards.card_image_url(card),
            "card_url": cards.card_url(card),
        },
    )


def card_image(request, code):
    return _png(request, cards.card_text(_card(code)))


def public_release(request, slug, release_id):
    """A release in the page's newsroom, once approved and past its embargo."""
    page = access.page_for_public(request.user, slug)
    release = get_object_or_404(selectors.public_releases(page=page), pk=release_id)
    release.page = page
    title, body = releases.release_text(release)
    return render(
        request,
        "press/release_public.html",
        {"page": page, "release": release, "title": title, "body": body},
    )

"""What participants give, with their consent: quotes, media availability, meeting cards.

Each is the person's own; they see it, and withdraw it, here.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from press import access, cards, selectors, services
from press.forms import AvailabilityForm, CardForm, QuoteForm
from press.models import MediaAvailability, MeetingCard, Quote


def _contribute_page(request, page, *, quote_form=None, availability_form=None, status=200):
    mine = MediaAvailability.objects.filter(page=page, user=request.user).first()
    return render(
        request,
        "press/contribute.html",
        {
            "page": page,
            "quotes": Quote.objects.filter(page=page, author=request.user),
            "meetings": selectors.own_meetings(page=page, user=request.user),
            "availability": mine if mine and mine.withdrawn_at is None else None,
            "quote_form": quote_form or QuoteForm(),
            "availability_form": availability_form
            or AvailabilityForm(instance=mine if mine else None),
        },
        status=status,
    )


@login_required
def contribute(request, slug):
    page = access.page_for_contributor(request.user, slug)
    return _contribute_page(request, page)


@login_required
@require_POST
def quote_give(request, slug):
    page = access.page_for_contributor(request.user, slug)
    form = QuoteForm(request.POST)
    if not form.is_valid():
        return _contribute_page(request, page, quote_form=form, status=400)
    services.quote_give(
        page=page,
        author=request.user,
        text=form.cleaned_data["text"],
        attribution=form.cleaned_data["attribution"],
    )
    messages.success(request, "Thank you. Your quote may go into the release; withdraw it here.")
    return redirect("press:contribute", slug=page.slug)


@login_required
@require_POST
def quote_withdraw(request, quote_id):
    quote = get_object_or_404(
        Quote.objects.select_related("page"), pk=quote_id, author=request.user
    )
    services.quote_withdraw(quote=quote)
    messages.success(request, "Your quote is withdrawn: it goes into nothing not yet sent.")
    return redirect("press:contribute", slug=quote.page.slug)


@login_required
@require_POST
def availability_offer(request, slug):
    page = access.page_for_contributor(request.user, slug)
    form = AvailabilityForm(request.POST)
    if not form.is_valid():
        return _contribute_page(request, page, availability_form=form, status=400)
    values = {k: v for k, v in form.cleaned_data.items() if k != "consent"}
    services.availability_offer(page=page, user=request.user, **values)
    messages.success(request, "Thank you: staff and your chapter's leaders may call on you.")
    return redirect("press:contribute", slug=page.slug)


@login_required
@require_POST
def availability_withdraw(request, slug):
    page = access.page_for_contributor(request.user, slug)
    services.availability_withdraw(page=page, user=request.user)
    messages.success(request, "You are no longer listed for the press.")
    return redirect("press:contribute", slug=page.slug)


@login_required
def card_make(request, meeting_id):
    meeting = access.meeting_for_card(request.user, meeting_id)
    card = MeetingCard.objects.filter(
        meeting=meeting, user=request.user, withdrawn_at__isnull=True
    ).first()
    form = CardForm(
        request.POST if request.method == "POST" else None,
        initial={"show_name": card.show_name if card else False},
    )
    if request.method == "POST" and form.is_valid():
        card = services.card_make(
            meeting=meeting, user=request.user, show_name=form.cleaned_data["show_name"]
        )
        messages.success(request, "Your card is ready to share.")
        return redirect("press:card_make", meeting_id=meeting.pk)
    return render(
        request,
        "press/card_make.html",
        {
            "meeting": meeting,
            "card": card,
            "form": form,
            "card_url": cards.card_url(card) if card else "",
        },
    )


@login_required
@require_POST
def card_withdraw(request, meeting_id):
    meeting = access.meeting_for_card(request.user, meeting_id)
    card = get_object_or_404(MeetingCard, meeting=meeting, user=request.user)
    services.card_withdraw(card=card)
    messages.success(request, "Your card is taken down: its link no longer works.")
    return redirect("press:card_make", meeting_id=meeting.pk)

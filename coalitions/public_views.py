"""Pages for guests, who have no account: their RSVP and the action after the event.

Each is reached by a signed link; a guest sees only their own RSVP and their
own postcards.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coalitions import access, guests, postcards, services
from coalitions.forms import EndorsementForm, PostcardForm, RsvpForm


def rsvp(request, token):
    try:
        guest = access.guest_for_rsvp(token)
    except access.RsvpClosed as closed:
        return render(
            request,
            "coalitions/rsvp_closed.html",
            {"guest": closed.guest, "event": closed.guest.event},
            status=410,
        )
    if request.method == "GET":
        guest = guests.guest_opened(guest=guest)
    form = RsvpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        guests.guest_respond(guest=guest, accept=form.cleaned_data["answer"] == "accept")
        return redirect("coalitions:rsvp", token=token)
    return render(
        request,
        "coalitions/rsvp.html",
        {"guest": guest, "event": guest.event, "form": form, "hosts": guest.event.hosts.all()},
    )


def act(request, token):
    """Write a postcard to your own members of Congress; endorse the principles."""
    event = access.event_for_action(token)
    form = PostcardForm(
        request.POST or None,
        initial={"message": postcards.postcard_starting_text(event=event)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            postcard = postcards.postcard_create(event=event, **form.cleaned_data)
        except postcards.DistrictChoiceNeeded as error:
            form.offer_districts(state=form.cleaned_data["state"], districts=error.districts)
            form.add_error("district", str(error))
        except postcards.PostcardError as error:
            form.add_error("zip_code" if "ZIP" in str(error) else "message", str(error))
        else:
            return redirect("coalitions:postcard", token=access.postcard_token(postcard))
    return render(
        request,
        "coalitions/act.html",
        {
            "event": event,
            "form": form,
            "token": token,
            "endorse_form": EndorsementForm(),
            "principles": event.principles,
        },
    )


@require_POST
def endorse(request, token):
    event = access.event_for_action(token)
    form = EndorsementForm(request.POST)
    if event.principles is None:
        return redirect("coalitions:act", token=token)
    if form.is_valid():
        try:
            services.endorsement_add(principles=event.principles, **form.cleaned_data)
        except services.CoalitionError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, "Thank you: your endorsement is recorded.")
            return redirect("coalitions:act", token=token)
    return render(
        request,
        "coalitions/act.html",
        {
            "event": event,
            "form": PostcardForm(
                initial={"message": postcards.postcard_starting_text(event=event)}
            ),
            "token": token,
            "endorse_form": form,
            "principles": event.principles,
        },
    )


def postcard_done(request, token):
    postcard = access.postcard_for_writer(token)
    cards = [
        (
            postcard,
            lawmaker,
            postcards.dc_address_lines(lawmaker),
            postcards.card_text(postcard, lawmaker),
        )
        for lawmaker in postcard.lawmakers.all()
    ]
    return render(
        request,
        "coalitions/postcard_print.html",
        {
            "event": postcard.event,
            "cards": cards,
            "postcard": postcard,
            "action_token": access.action_token(postcard.event),
        },
    )

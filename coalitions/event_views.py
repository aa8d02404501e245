"""A coalition event for its chapter: the guest list, invitations, the door, thank-yous."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coalitions import access, guests, postcards, selectors, services
from coalitions.forms import EventForm, GuestForm, WalkInForm
from coalitions.models import GuestKind, Rsvp
from common.access import require_staff
from common.merge import MergeError
from common.spreadsheets import csv_response

BLANK_ROWS = 15


@login_required
def event_create(request, slug):
    chapter = access.chapter_for_leader(request.user, slug)
    form = EventForm(request.POST or None, chapter=chapter)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        hosts = data.pop("hosts")
        try:
            event = services.event_save(chapter=chapter, hosts=hosts, **data)
        except services.CoalitionError as error:
            form.add_error("principles", str(error))
        else:
            messages.success(request, f"{event.name} is planned. Now add your guests.")
            return redirect("coalitions:event", event_id=event.pk)
    return render(request, "coalitions/event_form.html", {"chapter": chapter, "form": form})


@login_required
def event_edit(request, event_id):
    event = access.event_for_leader(request.user, event_id)
    form = EventForm(request.POST or None, instance=event, chapter=event.chapter)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        hosts = data.pop("hosts")
        try:
            services.event_save(chapter=event.chapter, event=event, hosts=hosts, **data)
        except services.CoalitionError as error:
            form.add_error("principles", str(error))
        else:
            messages.success(request, "Saved.")
            return redirect("coalitions:event", event_id=event.pk)
    return render(
        request,
        "coalitions/event_form.html",
        {"chapter": event.chapter, "form": form, "event": event},
    )


@login_required
def event_detail(request, event_id):
    """The guest list, with the form to add a guest and the invitation controls."""
    event = access.event_for_leader(request.user, event_id)
    form = GuestForm(
        request.POST or None, lawmakers=selectors.federal_lawmakers_for(chapter=event.chapter)
    )
    if request.method == "POST" and form.is_valid():
        try:
            guest = guests.guest_add(event=event, data=guests.GuestData(**form.cleaned_data))
        except guests.GuestError as error:
            form.add_error("email" if "@" in str(error) else None, str(error))
        else:
            messages.success(request, f"{guest.full_name} is on the guest list.")
            return redirect("coalitions:event", event_id=event.pk)
    rsvp = request.GET.get("rsvp", "")
    guest_rows = selectors.guests_of(event=event)
    if rsvp in Rsvp.values:
        guest_rows = guest_rows.filter(rsvp=rsvp)
    guest_rows = list(guest_rows)
    try:
        preview_subject, preview_body = guests.invitation_preview(event=event)
        template_problem = ""
    except MergeError as error:
        preview_subject, preview_body, template_problem = "", "", str(error)
    return render(
        request,
        "coalitions/event_detail.html",
        {
            "event": event,
            "chapter": event.chapter,
            "form": form,
            "guests": [g for g in guest_rows if g.kind != GuestKind.PRESS],
            "press": [g for g in guest_rows if g.kind == GuestKind.PRESS],
            "counts": selectors.guest_counts(event=event),
            "hosts": event.hosts.all(),
            "rsvp": rsvp,
            "rsvp_choices": Rsvp.choices,
            "preview_subject": preview_subject,
            "preview_body": preview_body,
            "template_problem": template_problem,
            "action_link": guests.action_link(event),
        },
    )


@login_required
@require_POST
def invite_all(request, event_id):
    event = access.event_for_leader(request.user, event_id)
    try:
        count = guests.guests_invite(event=event)
    except guests.GuestError as error:
        messages.error(request, str(error))
    else:
        if count:
            messages.success(request, f"{count} invitation{'s' if count != 1 else ''} on the way.")
        else:
            messages.info(request, "Everyone with an email address is invited already.")
    return redirect("coalitions:event", event_id=event.pk)


@login_required
@require_POST
def invite_guest(request, event_id, guest_id):
    guest = access.guest_for_leader(request.user, event_id, guest_id)
    if not guest.email:
        messages.error(request, f"{guest.full_name} has no email address.")
        return redirect("coalitions:event", event_id=event_id)
    try:
        guests.guests_invite(event=guest.event, guest_ids=[guest.pk])
    except guests.GuestError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"An invitation is on its way to {guest.email}.")
    return redirect("coalitions:event", event_id=event_id)


@login_required
@require_POST
def thank_officials(request, event_id):
    event = access.event_for_leader(request.user, event_id)
    try:
        count = guests.guests_thank(event=event, by=request.user)
    except guests.GuestError as error:
        messages.error(request, str(error))
    else:
        if count:
            messages.success(
                request, f"{count} thank-you note{'s' if count != 1 else ''} on the way."
            )
        else:
            messages.info(request, "No officials or staff who came are waiting for a thank-you.")
    return redirect("coalitions:event", event_id=event.pk)


# At the door --------------------------------------------------------------------------------


@login_required
def sign_in_sheet(request, event_id, which):
    event = access.event_for_door(request.user, event_id)
    if which not in ("guests", "press"):
        raise Http404("No such sheet.")
    rows = selectors.guests_of(event=event)
    rows = (
        rows.filter(kind=GuestKind.PRESS)
        if which == "press"
        else rows.exclude(kind=GuestKind.PRESS)
    )
    return render(
        request,
        "coalitions/sign_in_sheet.html",
        {
            "event": event,
            "which": which,
            "rows": rows,
            "blank_rows": range(BLANK_ROWS),
        },
    )


@login_required
def check_in_page(request, event_id):
    event = access.event_for_door(request.user, event_id)
    return render(
        request,
        "coalitions/check_in.html",
        {"event": event, "door_list": selectors.door_list(event=event), "form": WalkInForm()},
    )


@login_required
@require_POST
def check_in_guest(request, event_id, guest_id):
    guest = access.guest_for_door(request.user, event_id, guest_id)
    arrived = request.POST.get("arrived", "1") != "0"
    guest = guests.guest_check_in(guest=guest, arrived=arrived)
    return JsonResponse(
        {
            "id": guest.pk,
            "in": guest.checked_in_at is not None,
            "at": timezone.localtime(guest.checked_in_at, guest.event.zone).strftime("%H:%M")
            if guest.checked_in_at
            else "",
        }
    )


@login_required
@require_POST
def walk_in(request, event_id):
    event = access.event_for_door(request.user, event_id)
    form = WalkInForm(request.POST)
    if not form.is_valid():
        return JsonResponse(
            {"errors": {name: list(errs) for name, errs in form.errors.items()}}, status=400
        )
    data = form.cleaned_data
    try:
        guest = guests.guest_add(
            event=event,
            walk_in=True,
            data=guests.GuestData(
                kind=GuestKind.PRESS if data["press"] else GuestKind.PUBLIC,
                first_name=data["first_name"],
                last_name=data["last_name"],
                organisation=data["organisation"],
                email=data["email"],
            ),
        )
    except guests.GuestError as error:
        return JsonResponse({"errors": {"__all__": [str(error)]}}, status=400)
    return JsonResponse(
        {
            "id": guest.pk,
            "name": guest.full_name,
            "detail": guest.organisation,
            "press": guest.is_press,
            "vip": False,
            "in": True,
        },
        status=201,
    )


# Postcards ----------------------------------------------------------------------------------


@login_required
def postcard_list(request, event_id):
    event = access.event_for_leader(request.user, event_id)
    cards = [
        (
            postcard,
            lawmaker,
            postcards.dc_address_lines(lawmaker),
            postcards.card_text(postcard, lawmaker),
        )
        for postcard in selectors.postcards_of(event=event)
        for lawmaker in postcard.lawmakers.all()
    ]
    return render(
        request,
        "coalitions/postcard_print.html",
        {"event": event, "chapter": event.chapter, "cards": cards, "for_staff": True},
    )


@login_required
def postcards_csv(request, event_id):
    require_staff(request.user, access.EXPORTS_ARE_STAFFS)
    event = access.event_for_leader(request.user, event_id)

    def rows():
        for postcard in selectors.postcards_of(event=event).iterator(chunk_size=500):
            for lawmaker in postcard.lawmakers.all():
                yield [
                    postcard.created_at.isoformat(),
                    postcard.name,
                    postcard.street,
                    postcard.city,
                    postcard.state,
                    postcard.zip_code,
                    postcard.email,
                    lawmaker.full_name,
                    lawmaker.seat,
                    " · ".join(postcards.dc_address_lines(lawmaker)[1:3]),
                ]

    return csv_response(
        f"postcards-{event.pk}.csv",
        [
            "written_at",
            "name",
            "street",
            "city",
            "state",
            "zip_code",
            "email",
            "lawmaker",
            "seat",
            "dc_office",
        ],
        rows(),
    )

"""Pages for an office's contacts: list, add, edit, remove, and add someone a report names."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from officerequests import access, contacts
from officerequests.forms import ContactForm
from reports.models import MeetingReport


@login_required
def contact_list(request, public_id):
    lawmaker = access.lawmaker_for_contacts(request.user, public_id)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contacts.contact_create(lawmaker=lawmaker, by=request.user, **form.cleaned_data)
        messages.success(request, f"{form.cleaned_data['name']} is kept as a contact.")
        return redirect("officerequests:contacts", public_id=lawmaker.public_id)
    return render(
        request,
        "officerequests/contacts.html",
        {
            "lawmaker": lawmaker,
            "contacts": list(contacts.contacts_of([lawmaker.pk])),
            "people_met": contacts.people_met(lawmaker),
            "form": form,
        },
    )


@login_required
def contact_edit(request, contact_id):
    contact = access.contact_for_keeper(request.user, contact_id)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        contacts.contact_update(contact=contact, **form.cleaned_data)
        messages.success(request, "Contact saved.")
        return redirect("officerequests:contacts", public_id=contact.lawmaker.public_id)
    return render(request, "officerequests/contact_edit.html", {"contact": contact, "form": form})


@login_required
@require_POST
def contact_delete(request, contact_id):
    contact = access.contact_for_keeper(request.user, contact_id)
    contacts.contact_delete(contact=contact)
    messages.success(request, f"{contact.name} is no longer kept as a contact.")
    return redirect("officerequests:contacts", public_id=contact.lawmaker.public_id)


@login_required
@require_POST
def contact_from_report(request, public_id):
    lawmaker = access.lawmaker_for_contacts(request.user, public_id)
    try:
        contact = contacts.contact_from_report(
            lawmaker=lawmaker, report_id=int(request.POST.get("report", "")), by=request.user
        )
    except (ValueError, MeetingReport.DoesNotExist):
        messages.error(request, "That report names nobody in this office.")
    else:
        messages.success(request, f"{contact.name} is kept as a contact.")
    return redirect("officerequests:contacts", public_id=lawmaker.public_id)

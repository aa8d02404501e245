"""Chapter pages: the coalition overview, partners, principles, outreach and templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coalitions import access, selectors, services
from coalitions.forms import (
    ContactForm,
    EndorsementForm,
    IntroductionForm,
    OutreachForm,
    PartnerForm,
    PrinciplesForm,
    StepForm,
    TemplateForm,
)
from coalitions.models import TemplateKind
from coalitions.wording import FIELDS
from common.access import require_staff
from common.merge import MergeError
from common.spreadsheets import csv_response


@login_required
def home(request):
    chapters = list(selectors.chapters_led_by(request.user))
    events = selectors.events_for(request.user).filter(starts_at__gte=timezone.now())
    return render(
        request,
        "coalitions/home.html",
        {"chapters": chapters, "events": events[:20]},
    )


@login_required
def chapter_overview(request, slug):
    chapter = access.chapter_for_leader(request.user, slug)
    return render(
        request,
        "coalitions/chapter.html",
        {
            "chapter": chapter,
            "events": selectors.events_for(request.user).filter(chapter=chapter),
            "partners": selectors.partners_of(chapter=chapter),
            "principles": selectors.principles_of(chapter=chapter),
            "outreach": selectors.outreach_of(chapter=chapter),
        },
    )


# Partners -----------------------------------------------------------------------------------


@login_required
def partner_list(request, slug):
    chapter = access.chapter_for_leader(request.user, slug)
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.partner_create(chapter=chapter, **form.cleaned_data)
        except services.CoalitionError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, f"{partner.name} is now a partner of {chapter}.")
            return redirect("coalitions:partners", slug=slug)
    return render(
        request,
        "coalitions/partner_list.html",
        {"chapter": chapter, "form": form, "partners": selectors.partners_of(chapter=chapter)},
    )


@login_required
def partner_detail(request, partner_id):
    partner = access.partner_for_leader(request.user, partner_id)
    form = PartnerForm(
        request.POST if request.POST.get("form") == "partner" else None,
        initial={
            "name": partner.name,
            "kind": partner.kind,
            "website": partner.website,
            "notes": partner.notes,
        },
    )
    contact_form = ContactForm(request.POST if request.POST.get("form") == "contact" else None)
    if request.method == "POST":
        if form.is_bound and form.is_valid():
            try:
                services.partner_update(partner=partner, **form.cleaned_data)
            except services.CoalitionError as error:
                form.add_error("name", str(error))
            else:
                messages.success(request, "Saved.")
                return redirect("coalitions:partner", partner_id=partner.pk)
        if contact_form.is_bound and contact_form.is_valid():
            services.partner_contact_add(partner=partner, **contact_form.cleaned_data)
            messages.success(request, f"{contact_form.cleaned_data['name']} added.")
            return redirect("coalitions:partner", partner_id=partner.pk)
    return render(
        request,
        "coalitions/partner_detail.html",
        {
            "partner": partner,
            "form": form,
            "contact_form": contact_form,
            "contacts": partner.contacts.all(),
            "chapters": partner.chapters.all(),
            "events": partner.coalition_events.select_related("chapter"),
        },
    )


# Principles ---------------------------------------------------------------------------------


@login_required
def principles_list(request, slug):
    chapter = access.chapter_for_leader(request.user, slug)
    form = PrinciplesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        principles = services.principles_create(chapter=chapter, **form.cleaned_data)
        messages.success(request, f"“{principles.title}” is ready for endorsements.")
        return redirect("coalitions:principles", principles_id=principles.pk)
    return render(
        request,
        "coalitions/principles_list.html",
        {
            "chapter": chapter,
            "form": form,
            "principles_list": selectors.principles_of(chapter=chapter),
        },
    )


@login_required
def principles_detail(request, principles_id):
    principles = access.principles_for_leader(request.user, principles_id)
    form = EndorsementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.endorsement_add(principles=principles, **form.cleaned_data)
        except services.CoalitionError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, f"{form.cleaned_data['name']} endorses the principles.")
            return redirect("coalitions:principles", principles_id=principles.pk)
    return render(
        request,
        "coalitions/principles_detail.html",
        {
            "principles": principles,
            "chapter": principles.chapter,
            "form": form,
            "endorsements": principles.endorsements.all(),
        },
    )


@login_required
def endorsements_csv(request, principles_id):
    require_staff(request.user, access.EXPORTS_ARE_STAFFS)
    principles = access.principles_for_leader(request.user, principles_id)
    rows = principles.endorsements.order_by("endorsed_at", "pk").values_list(
        "name", "title", "organisation", "email", "endorsed_at"
    )
    return csv_response(
        f"endorsements-{principles.pk}.csv",
        ["name", "title", "organisation", "email", "endorsed_at"],
        (
            (name, title, org, email, when.isoformat())
            for name, title, org, email, when in rows.iterator()
        ),
    )


# Outreach -----------------------------------------------------------------------------------


@login_required
def outreach_list(request, slug):
    chapter = access.chapter_for_leader(request.user, slug)
    form = OutreachForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outreach = services.outreach_create(chapter=chapter, **form.cleaned_data)
        messages.success(request, f"Outreach to {outreach.organisation} started.")
        return redirect("coalitions:outreach", outreach_id=outreach.pk)
    return render(
        request,
        "coalitions/outreach_list.html",
        {
            "chapter": chapter,
            "form": form,
            "outreach_list": selectors.outreach_of(chapter=chapter),
        },
    )


@login_required
def outreach_detail(request, outreach_id):
    outreach = access.outreach_for_leader(request.user, outreach_id)
    which = request.POST.get("form")
    form = OutreachForm(request.POST if which == "outreach" else None, instance=outreach)
    step_form = StepForm(
        request.POST if which == "step" else None,
        initial={"happened_on": timezone.localdate()},
    )
    if request.method == "POST":
        if form.is_bound and form.is_valid():
            services.outreach_update(outreach=outreach, **form.cleaned_data)
            messages.success(request, "Saved.")
            return redirect("coalitions:outreach", outreach_id=outreach.pk)
        if step_form.is_bound and step_form.is_valid():
            services.outreach_step_add(outreach=outreach, **step_form.cleaned_data)
            messages.success(request, "Step added.")
            return redirect("coalitions:outreach", outreach_id=outreach.pk)
    return render(
        request,
        "coalitions/outreach_detail.html",
        {
            "outreach": outreach,
            "chapter": outreach.chapter,
            "form": form,
            "step_form": step_form,
            "steps": outreach.steps.all(),
        },
    )


@login_required
def introduction_letter(request, outreach_id):
    """Compose the letter of introduction from the chapter's template, edit it, send it."""
    outreach = access.outreach_for_leader(request.user, outreach_id)
    chapter = outreach.chapter
    template = selectors.template_for(chapter=chapter, kind=TemplateKind.INTRODUCTION)
    values = services.introduction_values(
        outreach=outreach, sender=request.user, contact_name=outreach.contact_name
    )
    template_problem = ""
    initial = {"to": outreach.contact_email}
    try:
        initial["subject"] = FIELDS[TemplateKind.INTRODUCTION].render(template.subject, values)
        initial["body"] = FIELDS[TemplateKind.INTRODUCTION].render(template.body, values)
    except MergeError as error:
        template_problem = str(error)
    form = IntroductionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.introduction_send(outreach=outreach, sender=request.user, **form.cleaned_data)
        except services.CoalitionError as error:
            form.add_error("body", str(error))
        else:
            messages.success(
                request, f"The letter of introduction is on its way to {form.cleaned_data['to']}."
            )
            return redirect("coalitions:outreach", outreach_id=outreach.pk)
    return render(
        request,
        "coalitions/introduction.html",
        {
            "outreach": outreach,
            "chapter": chapter,
            "form": form,
            "template_problem": template_problem,
        },
    )


# Templates ----------------------------------------------------------------------------------


@login_required
def template_list(request, slug):
    chapter = access.chapter_for_leader(request.user, slug)
    saved = {t.kind: t for t in chapter.message_templates.all()}
    kinds = [
        {"value": value, "label": label, "edited": value in saved}
        for value, label in TemplateKind.choices
    ]
    return render(request, "coalitions/template_list.html", {"chapter": chapter, "kinds": kinds})


@login_required
def template_edit(request, slug, kind):
    chapter = access.chapter_for_leader(request.user, slug)
    if kind not in TemplateKind.values:
        raise Http404("No such kind of message.")
    template = selectors.template_for(chapter=chapter, kind=kind)
    form = TemplateForm(
        request.POST or None, initial={"subject": template.subject, "body": template.body}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.template_save(
                chapter=chapter, kind=kind, by=request.user, **form.cleaned_data
            )
        except services.CoalitionError as error:
            form.add_error("body", str(error))
        else:
            messages.success(request, f"The {TemplateKind(kind).label.lower()} is saved.")
            return redirect("coalitions:templates", slug=slug)
    return render(
        request,
        "coalitions/template_edit.html",
        {
            "chapter": chapter,
            "kind": TemplateKind(kind),
            "form": form,
            "fields": FIELDS[kind].items(),
            "is_saved": template.pk is not None,
        },
    )


@login_required
@require_POST
def template_reset(request, slug, kind):
    chapter = access.chapter_for_leader(request.user, slug)
    if kind not in TemplateKind.values:
        raise Http404("No such kind of message.")
    services.template_reset(chapter=chapter, kind=kind)
    messages.success(request, "Back to the built-in text.")
    return redirect("coalitions:templates", slug=slug)

"""The planner's inputs people change: rules and targets (staff), the district question
(planners), and "I know someone in this office" (each participant for themselves)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from common.forms import form_errors_as_messages
from events.access import event_for_staff, event_for_viewer
from events.models import Registration
from lawmakers.models import Lawmaker
from planner import services
from planner.access import plan_scope_for
from planner.errors import PlanError
from planner.forms import (
    AcquaintanceForm,
    CommitteeTargetForm,
    PriorityForm,
    RulesForm,
    TargetForm,
)
from planner.inputs import plan_inputs
from planner.models import Acquaintance
from planner.views import plan_url


@login_required
@require_POST
def rules_save(request, event_slug):
    event = event_for_staff(request.user, event_slug)
    form = RulesForm(request.POST)
    if not form.is_valid():
        form_errors_as_messages(request, form)
        return redirect(plan_url(event, None))
    try:
        services.rules_save(event=event, **form.plan_fields(), **form.event_fields())
    except PlanError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The day's rules are saved.")
    return redirect(plan_url(event, None))


@login_required
@require_POST
def target_add(request, event_slug):
    event = event_for_staff(request.user, event_slug)
    form = TargetForm(request.POST, event=event)
    if not form.is_valid():
        form_errors_as_messages(request, form)
    else:
        try:
            target = services.target_set(
                event=event,
                lawmaker=form.cleaned_data["lawmaker"],
                priority=form.cleaned_data["priority"],
                by=request.user,
            )
        except PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, f"{target.lawmaker}: {target.get_priority_display().lower()}."
            )
    return redirect(plan_url(event, None) + "#targets")


@login_required
@require_POST
def targets_from_committees(request, event_slug):
    event = event_for_staff(request.user, event_slug)
    form = CommitteeTargetForm(request.POST, event=event)
    if not form.is_valid():
        form_errors_as_messages(request, form)
    else:
        try:
            count = services.targets_add_from_committees(
                event=event,
                committees=list(form.cleaned_data["committees"]),
                priority=form.cleaned_data["priority"],
                by=request.user,
            )
        except PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{count} offices of those committees are targets now.")
    return redirect(plan_url(event, None) + "#targets")


@login_required
@require_POST
def target_priority(request, event_slug, lawmaker_id):
    event = event_for_staff(request.user, event_slug)
    lawmaker = get_object_or_404(Lawmaker, pk=lawmaker_id)
    form = PriorityForm(request.POST)
    if not form.is_valid():
        form_errors_as_messages(request, form)
    else:
        target = services.target_set(
            event=event, lawmaker=lawmaker, priority=form.cleaned_data["priority"], by=request.user
        )
        messages.success(request, f"{lawmaker}: {target.get_priority_display().lower()}.")
    return redirect(plan_url(event, None) + "#targets")


@login_required
@require_POST
def district_question(request, event_slug, user_id):
    """Email one participant the question of their district, or of their home when the
    plan cannot place them without one (once a day per person)."""
    event, chapter = plan_scope_for(request.user, event_slug, request.GET.get("chapter", ""))
    inputs = plan_inputs(event=event, chapter=chapter)
    person = next((u for u in inputs.district_choices if u.pk == user_id), None)
    homeless = next((u for u, _ in inputs.unplaceable if u.pk == user_id), None)
    if person is None and homeless is None:
        messages.error(request, "That person has no district to choose in this plan.")
    elif homeless is not None:
        if services.district_question_send(
            event=event, user=homeless, by=request.user, missing_home=True
        ):
            messages.success(request, f"{homeless} is asked to add their home ZIP code.")
        else:
            messages.info(request, f"{homeless} was already asked today.")
    elif services.district_question_send(event=event, user=person, by=request.user):
        messages.success(request, f"{person} is asked to choose their district.")
    else:
        messages.info(request, f"{person} was already asked today.")
    return redirect(plan_url(event, chapter))


@login_required
def acquaintances(request, event_slug):
    """A participant names the offices where they know someone."""
    event = event_for_viewer(request.user, event_slug)
    if not Registration.objects.filter(event=event, user=request.user).exists():
        raise PermissionDenied(f"Register for {event} first.")
    form = AcquaintanceForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.acquaintance_add(
                event=event, user=request.user, lawmaker=form.cleaned_data["lawmaker"]
            )
        except PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                f"Noted: the plan keeps you in the meeting with {form.cleaned_data['lawmaker']}.",
            )
            return redirect("planner:acquaintances", event_slug=event.slug)
    known = Acquaintance.objects.filter(event=event, user=request.user).select_related("lawmaker")
    return render(
        request,
        "planner/acquaintances.html",
        {"event": event, "form": form, "known": list(known)},
    )


@login_required
@require_POST
def acquaintance_remove(request, event_slug, acquaintance_id):
    event = event_for_viewer(request.user, event_slug)
    services.acquaintance_remove(event=event, user=request.user, acquaintance_id=acquaintance_id)
    messages.success(request, "Removed.")
    return redirect("planner:acquaintances", event_slug=event.slug)

"""Staff and chapter leaders: campaigns, their dashboards and exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from actions import access, selectors, services
from actions.dashboard import MAP, dashboard_for, legend
from actions.drafting import draft_for_event
from actions.exports import export_response
from actions.forms import CampaignForm
from actions.models import EventTiming
from chapters.selectors import chapters_led_by
from events.models import Event


@login_required
def campaign_list(request):
    campaigns = selectors.campaigns_managed_by(request.user)
    if not request.user.is_staff and not access.led_states(request.user):
        access.require_campaign_maker(request.user)
    return render(request, "actions/manage_list.html", {"campaigns": campaigns})


def _form_page(request, form, campaign=None):
    return render(request, "actions/campaign_form.html", {"form": form, "campaign": campaign})


def _chapters(user):
    return chapters_led_by(user=user).prefetch_related("states")


@login_required
def campaign_create(request):
    access.require_campaign_maker(request.user)
    initial = None
    event_slug, timing = request.GET.get("event"), request.GET.get("timing")
    if event_slug and timing in EventTiming.values:
        initial = draft_for_event(event=get_object_or_404(Event, slug=event_slug), timing=timing)
    form = CampaignForm(
        request.POST or None, initial=initial, user=request.user, chapters=_chapters(request.user)
    )
    if request.method == "POST" and form.is_valid():
        campaign = services.campaign_save(
            campaign=form.save(commit=False),
            committees=form.cleaned_data["target_committees"],
            lawmakers=form.cleaned_data["target_lawmakers"],
            user=request.user,
        )
        messages.success(request, f"Campaign “{campaign.title}” saved.")
        return redirect("actions:dashboard", slug=campaign.slug)
    return _form_page(request, form)


@login_required
def campaign_edit(request, slug):
    campaign = access.campaign_for_editor(request.user, slug)
    form = CampaignForm(
        request.POST or None,
        instance=campaign,
        user=request.user,
        chapters=_chapters(request.user),
    )
    if request.method == "POST" and form.is_valid():
        services.campaign_save(
            campaign=form.save(commit=False),
            committees=form.cleaned_data["target_committees"],
            lawmakers=form.cleaned_data["target_lawmakers"],
        )
        messages.success(request, "Campaign saved.")
        return redirect("actions:dashboard", slug=campaign.slug)
    return _form_page(request, form, campaign)


@login_required
def campaign_dashboard(request, slug):
    scope = access.campaign_for_manager(request.user, slug)
    return render(
        request,
        "actions/dashboard.html",
        {
            "scope": scope,
            "campaign": scope.campaign,
            "board": dashboard_for(scope),
            "map": MAP,
            "legend": legend(),
        },
    )


@login_required
def campaign_export(request, slug, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    scope = access.campaign_for_manager(request.user, slug)
    return export_response(scope.campaign, scope.states, fmt)

"""National staff write the asks: list, create, edit, order, history, leave-behinds."""

from itertools import pairwise

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from meetings.models import ACTIVE_MEETING_STATUSES, Meeting
from talkingpoints import access, services
from talkingpoints.briefing import text_change
from talkingpoints.forms import AskForm, LeaveBehindForm
from talkingpoints.models import LeaveBehind
from talkingpoints.selectors import asks_for_meetings, event_asks
from talkingpoints.services import AskError


@login_required
def ask_list(request, event_slug):
    event = access.event_for_staff(request.user, event_slug)
    asks = list(event_asks([event.pk]).prefetch_related("revisions"))
    meetings = list(
        Meeting.objects.filter(event=event, status__in=ACTIVE_MEETING_STATUSES).select_related(
            "lawmaker"
        )
    )
    reach = {ask.pk: 0 for ask in asks}
    for applied in asks_for_meetings(meetings).values():
        for item in applied:
            reach[item.ask.pk] = reach.get(item.ask.pk, 0) + 1
    for ask in asks:
        ask.reach = reach.get(ask.pk, 0)
        ask.reach_percent = round(100 * ask.reach / len(meetings)) if meetings else 0
    context = {"event": event, "asks": asks, "meeting_count": len(meetings)}
    return render(request, "talkingpoints/ask_list.html", context)


@login_required
def ask_create(request, event_slug):
    event = access.event_for_staff(request.user, event_slug)
    form = AskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        ask = services.ask_create(
            event=event, by=request.user, committees=fields.pop("committees"), **fields
        )
        messages.success(request, f"“{ask.title}” is in every briefing it applies to.")
        return redirect("talkingpoints:ask_detail", ask_id=ask.pk)
    return render(request, "talkingpoints/ask_form.html", {"event": event, "form": form})


@login_required
def ask_edit(request, ask_id):
    ask = access.ask_for_staff(request.user, ask_id)
    form = AskForm(request.POST or None, ask=ask)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        before = ask.version
        ask = services.ask_update(
            ask=ask, by=request.user, committees=fields.pop("committees"), **fields
        )
        if ask.version != before:
            messages.success(
                request,
                f"Saved as version {ask.version}: people who read version {before} "
                "see what changed.",
            )
        else:
            messages.success(request, "Saved.")
        return redirect("talkingpoints:ask_detail", ask_id=ask.pk)
    return render(
        request, "talkingpoints/ask_form.html", {"event": ask.event, "form": form, "ask": ask}
    )


def _detail_context(ask, upload_form) -> dict:
    revisions = list(ask.revisions.select_related("edited_by").order_by("-version"))
    for newer, older in pairwise(revisions):
        newer.change = text_change(older, newer)
    return {
        "event": ask.event,
        "ask": ask,
        "committees": list(ask.target_committees.all()),
        "leave_behinds": list(ask.leave_behinds.select_related("uploaded_by")),
        "revisions": revisions,
        "upload_form": upload_form,
    }


@login_required
def ask_detail(request, ask_id):
    ask = access.ask_for_staff(request.user, ask_id)
    return render(
        request, "talkingpoints/ask_detail.html", _detail_context(ask, LeaveBehindForm())
    )


@login_required
@require_POST
def ask_move(request, ask_id):
    ask = access.ask_for_staff(request.user, ask_id)
    step = -1 if request.POST.get("direction") == "up" else 1
    services.ask_move(ask=ask, step=step)
    return redirect("talkingpoints:ask_list", event_slug=ask.event.slug)


@login_required
@require_POST
def ask_delete(request, ask_id):
    ask = access.ask_for_staff(request.user, ask_id)
    try:
        services.ask_delete(ask=ask)
    except AskError as error:
        messages.error(request, str(error))
        return redirect("talkingpoints:ask_detail", ask_id=ask.pk)
    messages.success(request, f"“{ask.title}” is deleted.")
    return redirect("talkingpoints:ask_list", event_slug=ask.event.slug)


@login_required
@require_POST
def leave_behind_upload(request, ask_id):
    ask = access.ask_for_staff(request.user, ask_id)
    form = LeaveBehindForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.leave_behind_add(
                ask=ask,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                by=request.user,
            )
        except AskError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, "The leave-behind is attached to the ask.")
            return redirect("talkingpoints:ask_detail", ask_id=ask.pk)
    return render(request, "talkingpoints/ask_detail.html", _detail_context(ask, form), status=400)


@login_required
@require_POST
def leave_behind_delete(request, leave_behind_id):
    leave_behind = get_object_or_404(LeaveBehind.objects.select_related("ask"), pk=leave_behind_id)
    ask = access.ask_for_staff(request.user, leave_behind.ask_id)
    services.leave_behind_delete(leave_behind=leave_behind)
    messages.success(request, f"“{leave_behind.title}” is removed.")
    return redirect("talkingpoints:ask_detail", ask_id=ask.pk)

"""The "Plan the day" page: inputs and their gaps, a run with its progress, the draft, accepting.

Staff plan the whole event (or any chapter's part); a chapter leader plans
their chapter's part (`?chapter=<slug>`); members never see it.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from chapters.models import Chapter
from chapters.selectors import led_chapter_ids
from events.access import event_for_viewer
from events.models import Event
from planner import acceptances, runs
from planner.access import acceptance_for_planner, plan_scope_for, run_for_planner
from planner.errors import PlanError
from planner.forms import (
    AcceptForm,
    CommitteeTargetForm,
    RulesForm,
    RunForm,
    TargetForm,
)
from planner.inputs import plan_inputs, rules_for
from planner.models import ProposedMeeting, RunStatus, TargetPriority
from planner.problem import Priority
from planner.summary import itinerary_changes, summarise

PRIORITY_CHOICE = {
    Priority.MUST: TargetPriority.MUST,
    Priority.SHOULD: TargetPriority.SHOULD,
    Priority.NICE: TargetPriority.NICE,
}
SOURCES = {
    "delegation": "our participants' own office",
    "target": "added by staff",
    "meeting": "a meeting exists",
}


def plan_url(event: Event, chapter: Chapter | None) -> str:
    url = reverse("planner:plan", args=[event.slug])
    return f"{url}?chapter={chapter.slug}" if chapter else url


def _scope(request, event_slug):
    chapter_slug = request.GET.get("chapter") or request.POST.get("chapter_scope") or ""
    return plan_scope_for(request.user, event_slug, chapter_slug)


def _led_chapter(user):
    return Chapter.objects.filter(pk__in=led_chapter_ids(user)).order_by("name").first()


def _rules_form(event):
    rules = rules_for(event)
    return RulesForm(
        initial={
            "default_meeting_minutes": event.default_meeting_minutes,
            "gap_same_building_minutes": event.gap_same_building_minutes,
            "gap_same_side_minutes": event.gap_same_side_minutes,
            "gap_across_sides_minutes": event.gap_across_sides_minutes,
            "team_min": rules.team_min,
            "team_max": rules.team_max,
            "max_meetings_per_person": rules.max_meetings_per_person,
            "lunch_starts": rules.lunch_starts,
            "lunch_ends": rules.lunch_ends,
        }
    )


def _targets(inputs):
    offices = [
        {
            "lawmaker": inputs.lawmakers[office.key],
            "priority": PRIORITY_CHOICE[office.priority],
            "source": SOURCES.get(inputs.office_sources.get(office.key, ""), ""),
            "excluded": "",
        }
        for office in inputs.problem.offices
    ]
    offices += [
        {
            "lawmaker": inputs.lawmakers[pk],
            "priority": TargetPriority.SKIP,
            "source": "",
            "excluded": reason,
        }
        for pk, reason in inputs.offices_excluded.items()
    ]
    order = {TargetPriority.MUST: 0, TargetPriority.SHOULD: 1, TargetPriority.NICE: 2}
    return sorted(
        offices,
        key=lambda o: (order.get(o["priority"], 3), o["lawmaker"].state, o["lawmaker"].last_name),
    )


def _draft(run, inputs, user):
    rows = list(
        ProposedMeeting.objects.filter(run=run)
        .select_related("lawmaker", "chapter")
        .order_by("starts_at", "pk")
    )
    names = {pk: str(person) for pk, person in inputs.people.items()}
    drafted = [
        {
            "row": row,
            "people": [
                {
                    "name": names.get(pk, "someone no longer placed"),
                    "role": "lead"
                    if pk == row.lead_id
                    else "note-taker"
                    if pk == row.note_taker_id
                    else "",
                }
                for pk in row.people
            ],
        }
        for row in rows
    ]
    chapters = {}
    for row in rows:
        part = chapters.setdefault(
            row.chapter_id, {"chapter": row.chapter, "meetings": 0, "open": 0}
        )
        part["meetings"] += 1
        part["open"] += not row.accepted and not row.is_pinned
    if not user.is_staff:
        chapters = {pk: part for pk, part in chapters.items() if pk == run.chapter_id}
    return rows, drafted, sorted(chapters.values(), key=lambda part: part["chapter"].name)


@login_required
def plan(request, event_slug):
    if not request.user.is_staff and not request.GET.get("chapter"):
        chapter = _led_chapter(request.user)
        if chapter is None:
            raise PermissionDenied("Only national staff and chapter leaders plan the day.")
        return redirect(plan_url(event_for_viewer(request.user, event_slug), chapter))
    event, chapter = _scope(request, event_slug)
    inputs = plan_inputs(event=event, chapter=chapter)
    run = runs.latest_run(event=event, chapter=chapter)
    context = {
        "event": event,
        "chapter": chapter,
        "inputs": inputs,
        "problem": inputs.problem,
        "nothing_to_plan": runs.inputs_problem(inputs),
        "targets": _targets(inputs),
        "rules_form": _rules_form(event),
        "rules": rules_for(event),
        "run_form": RunForm(
            initial={
                "time_limit_seconds": run.time_limit_seconds
                if run
                else settings.PLANNER_TIME_LIMIT_SECONDS
            }
        ),
        "run": run,
        "priorities": TargetPriority.choices,
        "chapter_choices": Chapter.objects.order_by("name") if request.user.is_staff else [],
    }
    if request.user.is_staff:
        context["target_form"] = TargetForm(event=event)
        context["committee_form"] = CommitteeTargetForm(event=event)
    if run is not None and run.status == RunStatus.DONE:
        acceptance = acceptances.latest_acceptance(run)
        context.update(
            acceptance=acceptance,
            acceptance_text=acceptances.outcome_text(acceptance) if acceptance else "",
            accepting=acceptance is not None and not acceptance.is_finished,
        )
        rows, drafted, parts = _draft(run, inputs, request.user)
        context.update(
            summary=summarise(run, inputs, rows),
            changes=itinerary_changes(inputs, rows),
            drafted=drafted,
            parts=parts,
            data_changed=inputs.fingerprint != run.fingerprint,
            open_rows=sum(not row.accepted and not row.is_pinned for row in rows),
        )
    return render(request, "planner/plan.html", context)


@login_required
@require_POST
def run_start(request, event_slug):
    event, chapter = _scope(request, event_slug)
    form = RunForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the time limit as a whole number of seconds.")
        return redirect(plan_url(event, chapter))
    try:
        runs.run_create(
            event=event,
            chapter=chapter,
            by=request.user,
            time_limit_seconds=form.cleaned_data["time_limit_seconds"],
        )
    except PlanError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The plan is being made: this page shows its progress.")
    return redirect(plan_url(event, chapter))


@login_required
def run_status(request, run_id):
    run = run_for_planner(request.user, run_id)
    return JsonResponse(
        {
            "status": run.status,
            "progress": run.progress,
            "message": run.message,
            "finished": run.is_finished,
        }
    )


@login_required
@require_POST
def run_accept(request, run_id):
    run = run_for_planner(request.user, run_id)
    back = plan_url(run.event, run.chapter)
    proposed = list(ProposedMeeting.objects.filter(run=run).values_list("pk", "chapter_id"))
    form = AcceptForm(request.POST, proposed_ids=[pk for pk, _ in proposed])
    if not form.is_valid():
        messages.error(request, "Those meetings are not in this plan.")
        return redirect(back)
    chapter_id, chosen = form.cleaned_data["chapter"], form.cleaned_data["meetings"] or None
    chapter = None
    if chapter_id is not None:
        chapter = Chapter.objects.filter(pk=chapter_id).first()
        if chapter is None:
            messages.error(request, "That chapter is not in this plan.")
            return redirect(back)
    # A leader accepts their own chapter's part, whole, and nothing else.
    leader_overreach = chosen or chapter is None or chapter.pk != run.chapter_id
    if not request.user.is_staff and leader_overreach:
        raise PermissionDenied("Leaders accept their own chapter's part of the plan.")
    try:
        acceptances.acceptance_queue(
            run=run, by=request.user, chapter=chapter, proposed_ids=chosen
        )
    except PlanError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, "The plan is being accepted: this page shows when the meetings are made."
        )
    return redirect(back)


@login_required
def acceptance_status(request, acceptance_id):
    acceptance = acceptance_for_planner(request.user, acceptance_id)
    return JsonResponse(
        {
            "status": acceptance.status,
            "message": acceptances.outcome_text(acceptance),
            "finished": acceptance.is_finished,
        }
    )

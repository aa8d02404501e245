"""The report page: the delegation writes what happened, on a phone, as it goes.

Saving keeps a draft; "File the report" files it. A draft also saves itself
(static/reports/report-form.js posts the form with `autosave=1` and gets JSON
back); without JavaScript the Save button does the same.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from chapters.models import LEADER_ROLES
from members.models import User
from reports import access, selectors
from reports.forms import (
    FollowUpFormSet,
    ReportForm,
    delegation,
    initial_follow_ups,
    initial_positions,
)
from reports.models import MeetingReport
from reports.services import ReportError, filing_refusal, report_save
from talkingpoints.selectors import asks_for_meeting


def _report_of(meeting):
    return (
        MeetingReport.objects.filter(meeting=meeting)
        .select_related("filed_by")
        .prefetch_related("attendees", "positions", "follow_up_items")
        .first()
    )


def _owners(meeting, people: list[User]) -> list[User]:
    leaders = User.objects.filter(
        memberships__chapter=meeting.chapter, memberships__role__in=LEADER_ROLES
    )
    everyone = {user.pk: user for user in [*people, *leaders]}
    return sorted(everyone.values(), key=lambda user: (user.last_name, user.first_name))


def _initial(report):
    # A new report starts empty: who attended and whom we met are for the delegation to say.
    if report is None:
        return {}
    initial = {name: getattr(report, name) for name in ReportForm.Meta.fields}
    initial["attendees"] = [user.pk for user in report.attendees.all()]
    return {**initial, **initial_positions(report)}


@login_required
def report_edit(request, meeting_id):
    meeting = access.meeting_for_reporter(request.user, meeting_id)
    report = _report_of(meeting)
    people = delegation(meeting, report)
    applied_asks = asks_for_meeting(meeting)
    form_kwargs = {"people": people, "applied_asks": applied_asks}
    owners = _owners(meeting, people)
    if request.method == "POST":
        form = ReportForm(request.POST, **form_kwargs)
        follow_ups = FollowUpFormSet(
            request.POST, prefix="follow_up", form_kwargs={"owners": owners}
        )
        autosave = request.POST.get("autosave") == "1"
        filing = request.POST.get("action") == "file"
        if form.is_valid() and follow_ups.is_valid():
            try:
                report = report_save(
                    meeting=meeting,
                    by=request.user,
                    fields=form.report_fields(),
                    attendee_ids=form.cleaned_data["attendees"],
                    positions=form.positions(),
                    follow_ups=follow_ups.follow_ups(),
                    file=filing and not autosave,
                )
            except ReportError as error:
                form.add_error(None, str(error))
            else:
                if autosave:
                    saved_at = meeting.event.local(timezone.now())
                    return JsonResponse(
                        {
                            "saved": True,
                            "saved_at": saved_at.strftime("%-I:%M %p"),
                            "follow_up_ids": report.saved_follow_up_ids,
                        }
                    )
                if filing:
                    messages.success(request, "Report filed. Thank you: staff can see it now.")
                elif report.is_filed:
                    messages.success(request, "Changes saved; the report's history shows them.")
                else:
                    messages.success(request, "Draft saved. File it when you are done.")
                return redirect("reports:report", meeting_id=meeting.pk)
        if autosave:
            errors = {**form.errors.get_json_data()}
            for number, errors_of_form in enumerate(follow_ups.errors):
                for name, items in errors_of_form.items():
                    errors[f"follow_up-{number}-{name}"] = list(items)
            return JsonResponse({"saved": False, "errors": errors}, status=400)
    else:
        form = ReportForm(initial=_initial(report), **form_kwargs)
        follow_ups = FollowUpFormSet(
            initial=initial_follow_ups(report), prefix="follow_up", form_kwargs={"owners": owners}
        )
    return render(
        request,
        "reports/report_form.html",
        {
            "meeting": meeting,
            "event": meeting.event,
            "report": report,
            "form": form,
            "follow_ups": follow_ups,
            "edits": selectors.report_edits(report) if report and report.is_filed else [],
            "filing_refusal": filing_refusal(meeting=meeting, user=request.user),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def my_reports(request):
    return render(
        request,
        "reports/my_reports.html",
        {
            "meetings": selectors.meetings_to_report(user=request.user),
            "dashboards": selectors.dashboards_for(user=request.user),
        },
    )

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from followup import access, selectors, services, thanks
from followup.forms import (
    FeedbackForm,
    LetterTemplateForm,
    PreferencesForm,
    ReminderSettingsForm,
    ThankYouForm,
)
from followup.models import EventFeedback, NoteStatus
from followup.schedule import outline, settings_for
from outbox import services as outbox


def _posted(request):
    """The form data of a POST, even an empty one (an unticked box sends nothing)."""
    return request.POST if request.method == "POST" else None


@login_required
def preferences(request):
    address = request.user.email
    form = PreferencesForm(
        _posted(request), initial={"optional_email": not outbox.is_opted_out(address)}
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["optional_email"]:
            outbox.opt_in(email=address)
            messages.success(request, "You get all our email again.")
        else:
            outbox.opt_out(email=address)
            messages.success(
                request, "No more optional email. Reminders about your own meetings still come."
            )
        return redirect("followup:preferences")
    return render(request, "followup/preferences.html", {"form": form})


@require_http_methods(["GET", "POST"])
def seat_answer(request, token):
    """From the day-before email, no login: confirming is one click; giving up asks once more."""
    try:
        seat, action = services.seat_for_token(token)
    except services.FollowupError as problem:
        return render(request, "followup/seat_answer.html", {"problem": str(problem)}, status=400)
    context = {
        "seat": seat,
        "meeting": seat.meeting,
        "action": action,
        "token": token,
        "local_start": seat.meeting.event.local(seat.meeting.starts_at),
    }
    try:
        if action == "confirm":
            services.seat_answer_confirm(seat=seat)
            context["done"] = "confirmed"
        elif request.method == "POST":
            services.seat_answer_cancel(seat=seat)
            context["done"] = "cancelled"
    except services.FollowupError as problem:
        context["problem"] = str(problem)
    seat.refresh_from_db()
    return render(request, "followup/seat_answer.html", context)


@login_required
def thank_you_list(request):
    page = Paginator(selectors.held_meetings_for(request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "followup/thank_you_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def thank_you_edit(request, meeting_id):
    meeting = access.meeting_for_thank_you(request.user, meeting_id)
    note = thanks.thank_you_draft(meeting=meeting)
    form = ThankYouForm(
        _posted(request), initial={"to": note.to, "subject": note.subject, "body": note.body}
    )
    if request.method == "POST" and note.status == NoteStatus.SENT:
        messages.error(request, "This note was sent already.")
        return redirect("followup:thank_you", meeting_id=meeting.pk)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if "send" in request.POST:
                thanks.thank_you_send(note=note, by=request.user, **data)
                messages.success(request, f"The thank-you to {data['to']} is on its way.")
            else:
                thanks.thank_you_save(note=note, **data)
                messages.success(request, "Draft saved.")
        except thanks.ThankYouError as error:
            form.add_error("to" if "address" in str(error) else None, str(error))
        else:
            return redirect("followup:thank_you", meeting_id=meeting.pk)
    return render(
        request,
        "followup/thank_you.html",
        {
            "meeting": meeting,
            "note": note,
            "form": form,
            "report": getattr(meeting, "report", None),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def letter_template_edit(request):
    access.letter_templates_for_staff(request.user)
    template = thanks.letter_template()
    form = LetterTemplateForm(
        _posted(request), initial={"subject": template.subject, "body": template.body}
    )
    if request.method == "POST" and form.is_valid():
        thanks.letter_template_save(by=request.user, **form.cleaned_data)
        messages.success(request, "The thank-you template is saved; new drafts use it.")
        return redirect("followup:letter_template")
    return render(
        request, "followup/letter_template.html", {"form": form, "fields": thanks.THANK_YOU_FIELDS}
    )


@login_required
@require_http_methods(["GET", "POST"])
def reminder_settings_edit(request, slug):
    event = access.event_for_staff(request.user, slug)
    form = ReminderSettingsForm(_posted(request), instance=settings_for(event))
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.fields}
        services.reminder_settings_save(event=event, **values)
        messages.success(request, "Reminder times saved; queued reminders moved to the new times.")
        return redirect("followup:reminder_settings", slug=event.slug)
    rules = settings_for(event) if form.is_bound else form.instance
    return render(
        request,
        "followup/reminder_settings.html",
        {"event": event, "form": form, "outline": outline(event, rules)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def feedback(request, slug):
    event = access.event_for_participant(request.user, slug)
    given = EventFeedback.objects.filter(event=event, user=request.user).first()
    initial = {"rating": given.rating, "comment": given.comment} if given else {}
    form = FeedbackForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.feedback_save(event=event, user=request.user, **form.cleaned_data)
        messages.success(request, "Thank you: your feedback is saved.")
        return redirect("followup:feedback", slug=event.slug)
    return render(request, "followup/feedback.html", {"event": event, "form": form})

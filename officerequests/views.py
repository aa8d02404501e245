"""The Requests page of a chapter in an event, each office's request, and the letter templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chapters.access import chapter_for_leader
from common.access import staff_required
from common.forms import form_errors_as_messages
from officerequests import access, letters, replies, selectors, sending
from officerequests.forms import ReplyForm, TemplateForm
from officerequests.models import AnsweredHow, RequestTemplate
from officerequests.states import RequestState


def _offices(event, chapter, lawmaker_id=None):
    meetings = selectors.request_meetings(event=event, chapter=chapter)
    if lawmaker_id is not None:
        meetings = meetings.filter(lawmaker_id=lawmaker_id)
    return selectors.offices_of(meetings)


@login_required
def request_list(request, event_slug, chapter_slug):
    event, chapter = access.chapter_board_for_leader(request.user, event_slug, chapter_slug)
    offices = _offices(event, chapter)
    state = request.GET.get("state", "")
    query = request.GET.get("q", "").strip().casefold()
    shown = [
        office
        for office in offices
        if (not state or office.state == state)
        and (not query or query in office.lawmaker.full_name.casefold())
    ]
    return render(
        request,
        "officerequests/request_list.html",
        {
            "event": event,
            "chapter": chapter,
            "offices": shown,
            "unsent": sum(1 for office in offices if office.unsent),
            "states": RequestState.choices,
            "state": state,
            "query": request.GET.get("q", ""),
        },
    )


@login_required
@require_POST
def request_send_all(request, event_slug, chapter_slug):
    event, chapter = access.chapter_board_for_leader(request.user, event_slug, chapter_slug)
    try:
        outcome = sending.requests_send(offices=_offices(event, chapter), by=request.user)
    except sending.RequestError as error:
        messages.error(request, str(error))
    else:
        _say_outcome(request, outcome)
    return redirect("officerequests:requests", event.slug, chapter.slug)


def _say_outcome(request, outcome):
    sent, missing = len(outcome["sent"]), len(outcome["no_address"])
    messages.success(request, f"Requests queued to {sent} office{'s' if sent != 1 else ''}.")
    if missing:
        messages.warning(
            request,
            f"{missing} office{'s have' if missing != 1 else ' has'} no scheduler's address: "
            "open each to send through its web form or add its scheduler.",
        )


@login_required
def office_request(request, event_slug, chapter_slug, lawmaker_id):
    event, chapter = access.chapter_board_for_leader(request.user, event_slug, chapter_slug)
    offices = _offices(event, chapter, lawmaker_id)
    if not offices:
        return render(
            request,
            "officerequests/office_request.html",
            {"event": event, "chapter": chapter, "office": None},
            status=404,
        )
    office = offices[0]
    try:
        subject, body = sending.letters_for([office], by=request.user)[office.lawmaker.pk]
    except sending.RequestError as error:
        subject, body = "", str(error)
    return render(
        request,
        "officerequests/office_request.html",
        {
            "event": event,
            "chapter": chapter,
            "office": office,
            "subject": subject,
            "letter": body,
            "reply_forms": [(m, ReplyForm(prefix=f"m{m.pk}")) for m in office.meetings],
            "changes": selectors.office_history(office),
        },
    )


@login_required
@require_POST
def office_request_send(request, event_slug, chapter_slug, lawmaker_id):
    event, chapter = access.chapter_board_for_leader(request.user, event_slug, chapter_slug)
    offices = _offices(event, chapter, lawmaker_id)
    how = request.POST.get("how", "")
    if offices and how == "form":
        sending.requests_sent_through_form(office=offices[0], by=request.user)
        messages.success(request, "Logged: the request went through the office's web form.")
    elif offices and how in ("email", "resend"):
        try:
            outcome = sending.requests_send(
                offices=offices, by=request.user, resend=how == "resend"
            )
        except sending.RequestError as error:
            messages.error(request, str(error))
        else:
            _say_outcome(request, outcome)
    else:
        messages.error(request, "Say how the request goes.")
    return redirect("officerequests:office", event.slug, chapter.slug, lawmaker_id)


def _template_page(request, instance, *, chapter=None):
    form = TemplateForm(
        request.POST or None,
        instance=instance,
        initial={"subject": letters.NATIONAL_SUBJECT, "body": letters.NATIONAL_BODY},
    )
    if request.method == "POST" and form.is_valid():
        template = form.save(commit=False)
        template.chapter = chapter
        template.updated_by = request.user
        template.save()
        messages.success(request, "Letter saved.")
        return redirect(request.path)
    return render(
        request,
        "officerequests/template_edit.html",
        {"form": form, "chapter": chapter, "fields": LETTER_FIELDS_ITEMS},
    )


LETTER_FIELDS_ITEMS = list(letters.LETTER_FIELDS.items())


@staff_required("Only national staff keep the national request letter.")
def national_template(request):
    return _template_page(request, RequestTemplate.objects.filter(chapter=None).first())


@login_required
def chapter_template(request, chapter_slug):
    chapter = chapter_for_leader(request.user, chapter_slug)
    instance = RequestTemplate.objects.filter(chapter=chapter).first()
    return _template_page(request, instance, chapter=chapter)


@login_required
@require_POST
def reply_for_office(request, meeting_id):
    """A leader records an answer that came by phone or email, in the office's terms."""
    meeting = access.meeting_for_leader(request.user, meeting_id)
    form = ReplyForm(request.POST, prefix=f"m{meeting.pk}")
    how = request.POST.get(f"m{meeting.pk}-how", "")
    if how not in (AnsweredHow.PHONE, AnsweredHow.EMAIL):
        form.add_error(None, "Say whether the answer came by phone or by email.")
    if form.is_valid():
        try:
            replies.reply_record(
                meeting=meeting,
                how=how,
                by=request.user,
                **{
                    k: form.cleaned_data[k]
                    for k in ("answer", "new_time", "staff_name", "join_url")
                },
            )
        except replies.ReplyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "The office's answer is recorded.")
    else:
        form_errors_as_messages(request, form)
    return redirect(
        "officerequests:office", meeting.event.slug, meeting.chapter.slug, meeting.lawmaker_id
    )

"""The briefing for one meeting, a participant's packet, chapter notes, ask leads, files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chapters.access import is_leader_of
from events.services import registrations_mark
from meetings.access import event_for_viewer
from talkingpoints import access, services
from talkingpoints.briefing import briefing_for, packet_for
from talkingpoints.forms import AskLeadsForm, NoteForm
from talkingpoints.services import AskError


def _briefing_page(request, meeting, *, note_form=None, leads_form=None, status=200):
    briefing = briefing_for(meeting, viewer=request.user)
    can_edit_notes = request.user.is_staff or is_leader_of(request.user, meeting.chapter)
    asks = [item.ask for item in briefing.asks]
    context = {
        "event": meeting.event,
        "meeting": meeting,
        "briefing": briefing,
        "can_edit_notes": can_edit_notes,
    }
    if can_edit_notes:
        people = [person.user for person in briefing.delegation if not person.is_waitlisted]
        current = {item.ask.pk: item.lead.pk for item in briefing.asks if item.lead}
        context["note_form"] = note_form or NoteForm(asks=asks)
        context["leads_form"] = leads_form or AskLeadsForm(
            asks=asks, people=people, current=current
        )
    response = render(request, "talkingpoints/briefing.html", context, status=status)
    services.asks_mark_read(user=request.user, asks=asks)
    return response


@login_required
def briefing(request, meeting_id):
    meeting = access.meeting_for_briefing(request.user, meeting_id)
    return _briefing_page(request, meeting)


@login_required
@require_POST
def note_add(request, meeting_id):
    meeting = access.meeting_for_notes(request.user, meeting_id)
    asks = list(meeting.event.asks.all())
    form = NoteForm(request.POST, asks=asks)
    if form.is_valid():
        try:
            services.note_add(meeting=meeting, by=request.user, **form.cleaned_data)
        except AskError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your chapter's note is in the briefing.")
            return redirect("talkingpoints:briefing", meeting_id=meeting.pk)
    return _briefing_page(request, meeting, note_form=form, status=400)


@login_required
@require_POST
def note_delete(request, note_id):
    note = access.note_for_leader(request.user, note_id)
    services.note_delete(note=note)
    messages.success(request, "The note is removed from the briefing.")
    return redirect("talkingpoints:briefing", meeting_id=note.meeting_id)


@login_required
@require_POST
def ask_leads(request, meeting_id):
    meeting = access.meeting_for_notes(request.user, meeting_id)
    briefing = briefing_for(meeting, viewer=request.user)
    people = [person.user for person in briefing.delegation if not person.is_waitlisted]
    form = AskLeadsForm(request.POST, asks=[item.ask for item in briefing.asks], people=people)
    if form.is_valid():
        try:
            services.ask_leads_set(meeting=meeting, leads=form.leads())
        except AskError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Saved who leads which ask.")
            return redirect("talkingpoints:briefing", meeting_id=meeting.pk)
    return _briefing_page(request, meeting, leads_form=form, status=400)


@login_required
def packet(request, event_slug):
    """My packet: my itinerary, then one briefing per meeting, ready to print."""
    event = event_for_viewer(request.user, event_slug)
    packet = packet_for(event=event, person=request.user, viewer=request.user)
    registrations_mark(user=request.user, mark="packet_opened_at", event=event)
    return render(request, "talkingpoints/packet.html", {"event": event, "packet": packet})


@login_required
def leave_behind_file(request, leave_behind_id):
    leave_behind = access.leave_behind_for_viewer(request.user, leave_behind_id)
    try:
        handle = leave_behind.file.open("rb")
    except FileNotFoundError:
        raise Http404("This file is missing; ask national staff to upload it again.") from None
    filename = leave_behind.original_name or f"{leave_behind.title}.pdf"
    response = FileResponse(handle, content_type="application/pdf", filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response

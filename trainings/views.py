"""Sessions: the list, a session's page, sign-up, check-in; the host's pages; waivers."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from common.pdf import pdf_response, render_pdf
from events.models import Event
from events.selectors import reader_zone_for
from meetings.selectors import itinerary
from members.time_zones import reader_zone
from trainings import access, selectors, services
from trainings.checklist import checklists_for
from trainings.forms import CheckInForm, SessionForm, WaiverForm
from trainings.mentoring import pairs_apart
from trainings.models import LIVE_SIGNUPS, Mentorship, MentorshipStatus, Signup, SignupStatus
from trainings.prerequisites import required_sessions
from trainings.services import CHECK_IN_CLOSES_AFTER, CHECK_IN_OPENS_BEFORE, TrainingError


def _zone(request, session=None):
    return reader_zone(request.user, default=session.time_zone if session else "America/New_York")


@login_required
def session_list(request):
    mine = selectors.signups_of(user=request.user)
    upcoming = list(selectors.upcoming_sessions(user=request.user))
    for session in upcoming:
        session.my_signup = mine.get(session.pk)
    attended = (
        Signup.objects.filter(user=request.user, attended_at__isnull=False)
        .select_related("session")
        .order_by("-session__starts_at")
    )
    return render(
        request,
        "trainings/session_list.html",
        {
            "sessions": upcoming,
            "attended": attended,
            "reader_zone": _zone(request),
            "may_host": access.may_host(request.user),
        },
    )


def _check_in_open(session) -> bool:
    now = timezone.now()
    return (
        session.starts_at - CHECK_IN_OPENS_BEFORE <= now <= session.ends_at + CHECK_IN_CLOSES_AFTER
    )


@login_required
def session_detail(request, pk):
    session = access.session_for_reader(request.user, pk)
    signup = selectors.signups_of(user=request.user).get(session.pk)
    position = None
    if signup and signup.status == SignupStatus.WAITLISTED:
        position = Signup.objects.filter(
            session=session,
            status=SignupStatus.WAITLISTED,
            requested_at__lte=signup.requested_at,
        ).count()
    return render(
        request,
        "trainings/session_detail.html",
        {
            "session": session,
            "signup": signup,
            "position": position,
            "reader_zone": _zone(request, session),
            "check_in_open": _check_in_open(session),
            "check_in_form": CheckInForm(),
            "may_manage": access.selectors.hosted_by(user=request.user).filter(pk=pk).exists(),
        },
    )


@login_required
@require_POST
def signup_take(request, pk):
    session = access.session_for_reader(request.user, pk)
    try:
        signup = services.signup_take(session=session, user=request.user)
    except TrainingError as error:
        messages.error(request, str(error))
    else:
        if signup.status == SignupStatus.CONFIRMED:
            messages.success(
                request, f"You have a place in {session.title}. We emailed you the details."
            )
        else:
            messages.warning(
                request,
                f"{session.title} is full: you are on the waitlist and move up automatically "
                "when a place opens.",
            )
    return redirect("trainings:detail", pk=session.pk)


@login_required
@require_POST
def signup_cancel(request, pk):
    session = access.session_for_reader(request.user, pk)
    signup = Signup.objects.filter(
        session=session, user=request.user, status__in=LIVE_SIGNUPS
    ).first()
    if signup is None:
        messages.info(request, "You were not signed up for this session.")
        return redirect("trainings:detail", pk=session.pk)
    try:
        services.signup_cancel(signup=signup)
    except TrainingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"You gave up your place in {session.title}.")
    return redirect("trainings:detail", pk=session.pk)


@login_required
@require_POST
def check_in(request, pk):
    session = access.session_for_reader(request.user, pk)
    form = CheckInForm(request.POST)
    if form.is_valid():
        try:
            services.check_in(session=session, user=request.user, code=form.cleaned_data["code"])
        except TrainingError as error:
            form.add_error("code", str(error))
        else:
            messages.success(
                request, f"You are checked in to {session.title}. Thank you for coming."
            )
            return redirect("trainings:detail", pk=session.pk)
    signup = selectors.signups_of(user=request.user).get(session.pk)
    return render(
        request,
        "trainings/session_detail.html",
        {
            "session": session,
            "signup": signup,
            "reader_zone": _zone(request, session),
            "check_in_open": True,
            "check_in_form": form,
        },
        status=400,
    )


def _session_fields(form) -> tuple[dict, list | None]:
    fields = dict(form.cleaned_data)
    events = fields.pop("counts_for", None)
    return fields, (list(events) if events is not None else None)


@login_required
def session_create(request):
    access.require_host(request.user)
    form = SessionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields, events = _session_fields(form)
        try:
            session = services.session_create(host=request.user, events=events or [], **fields)
        except TrainingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{session.title} is open for sign-up.")
            return redirect("trainings:detail", pk=session.pk)
    return render(
        request, "trainings/session_form.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def session_edit(request, pk):
    session = access.session_for_host(request.user, pk)
    form = SessionForm(request.POST or None, instance=session, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields, events = _session_fields(form)
        try:
            services.session_update(session=session, events=events, **fields)
        except TrainingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "The session is saved; the people signed up were told of a new time or link.",
            )
            return redirect("trainings:detail", pk=session.pk)
    return render(
        request,
        "trainings/session_form.html",
        {"form": form, "session": session},
        status=400 if form.errors else 200,
    )


@login_required
def attendance(request, pk):
    session = access.session_for_host(request.user, pk)
    if request.method == "POST":
        try:
            ids = {int(value) for value in request.POST.getlist("attended")}
            count = services.attendance_set(session=session, attended_ids=ids)
        except (ValueError, TrainingError) as error:
            message = (
                str(error) if isinstance(error, TrainingError) else "Tick people from the list."
            )
            messages.error(request, message)
        else:
            messages.success(request, f"Attendance saved: {count} attended.")
            return redirect("trainings:attendance", pk=session.pk)
    signups = list(selectors.roster(session=session))
    return render(
        request,
        "trainings/attendance.html",
        {
            "session": session,
            "confirmed": [s for s in signups if s.status == SignupStatus.CONFIRMED],
            "waiting": [s for s in signups if s.status == SignupStatus.WAITLISTED],
            "reader_zone": _zone(request, session),
        },
    )


@login_required
def certificate(request, pk):
    signup = (
        Signup.objects.select_related("session__chapter", "user")
        .filter(session_id=pk, user=request.user, attended_at__isnull=False)
        .first()
    )
    if signup is None:
        raise Http404("Certificates are for those who attended.")
    pdf = render_pdf(
        "trainings/certificate.html",
        {"signup": signup, "session": signup.session, "person": signup.user},
    )
    return pdf_response(f"certificate-{signup.session.pk}.pdf", pdf)


def _checklist_rows(event, chapters) -> list[dict]:
    registrations = selectors.chapter_registrations(event=event, chapters=chapters)
    checklists = checklists_for(event=event, registrations=registrations)
    waivers = selectors.waivers_of(event=event, user_ids=[r.user_id for r in registrations])
    return [
        {
            "user": registration.user,
            "items": checklists[registration.user_id],
            "left": [item.label for item in checklists[registration.user_id] if not item.done],
            "waiver": waivers.get(registration.user_id),
        }
        for registration in registrations
    ]


@login_required
def checklist(request, slug):
    """Leaders: their chapters' participants, what each has left, nudges and waivers."""
    event, chapters = access.event_for_waivers(request.user, slug, request.GET.get("chapter"))
    rows = _checklist_rows(event, chapters)
    form = WaiverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        row = next((r for r in rows if r["user"].pk == form.cleaned_data["user"]), None)
        if row is None:
            raise Http404("Not one of your chapters' participants.")
        try:
            if request.POST.get("action") == "nudge":
                services.checklist_nudge(event=event, user=row["user"], items_left=row["left"])
                done = f"{row['user']} is reminded by email of what is left."
            else:
                services.waiver_grant(
                    event=event,
                    user=row["user"],
                    waived_by=request.user,
                    reason=form.cleaned_data["reason"],
                )
                done = f"The training is waived for {row['user']}; it is on record."
        except TrainingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, done)
        return redirect(reverse("trainings:checklist", args=[event.slug]))
    sessions = required_sessions(event)
    return render(
        request,
        "trainings/checklist.html",
        {
            "event": event,
            "rows": rows,
            "sessions": sessions,
            "columns": rows[0]["items"] if rows else [],
        },
    )


@login_required
def mentors(request, slug):
    """Leaders: suggest, confirm or drop mentor pairs for their chapters' first-timers."""
    event, chapters = access.event_for_waivers(request.user, slug, request.GET.get("chapter"))
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "suggest":
            chapter = get_object_or_404(chapters, pk=request.POST.get("chapter") or 0)
            made = services.mentorships_suggest(event=event, chapter=chapter)
            messages.success(
                request, f"{len(made)} pair{'s' if len(made) != 1 else ''} suggested."
            )
        else:
            mentorship = get_object_or_404(
                Mentorship.objects.filter(event=event, chapter__in=chapters),
                pk=request.POST.get("mentorship") or 0,
            )
            try:
                if action == "confirm":
                    services.mentorship_confirm(mentorship=mentorship, by=request.user)
                    messages.success(request, "Confirmed: both are introduced by email.")
                else:
                    services.mentorship_remove(mentorship=mentorship)
                    messages.success(request, "The pair is removed.")
            except TrainingError as error:
                messages.error(request, str(error))
        return redirect(reverse("trainings:mentors", args=[event.slug]))
    pairs = list(
        Mentorship.objects.filter(event=event, chapter__in=chapters)
        .select_related("mentor", "mentee", "chapter")
        .order_by("chapter__name", "mentor__last_name", "pk")
    )
    confirmed = [p for p in pairs if p.status == MentorshipStatus.CONFIRMED]
    return render(
        request,
        "trainings/mentors.html",
        {
            "event": event,
            "chapters": list(chapters.order_by("name")),
            "pairs": pairs,
            "apart": {p.pk for p in pairs_apart(event=event, mentorships=confirmed)},
            "limit": settings.MENTEES_PER_MENTOR,
        },
    )


@login_required
def mentees(request, slug):
    """A mentor's page: each first-timer's contact details and itinerary."""
    event = get_object_or_404(Event, slug=slug)
    mentorships = list(
        Mentorship.objects.filter(
            event=event, mentor=request.user, status=MentorshipStatus.CONFIRMED
        ).select_related("mentee__profile")
    )
    for mentorship in mentorships:
        mentorship.stops = itinerary(event=event, user=mentorship.mentee)
    return render(
        request,
        "trainings/mentees.html",
        {
            "event": event,
            "mentorships": mentorships,
            "reader_zone": reader_zone_for(event=event, user=request.user),
        },
    )

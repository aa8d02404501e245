from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from chapters import access, selectors
from chapters.forms import InvitationCsvForm, InvitationForm, NewAccountForm
from chapters.invitation_csv import InvitationCsvError, read_invitation_csv
from chapters.invitations import (
    InvitationError,
    InviteeData,
    invitation_accept,
    invitation_accept_with_new_account,
    invitation_create,
    invitation_for_token,
    invitation_resend,
    invitation_revoke,
    invitations_create,
)
from chapters.models import InvitationStatus
from members.services import EmailTaken, email_is_taken

INVITATIONS_PAGE_SIZE = 50


@login_required
def invitation_list(request, slug):
    chapter = access.chapter_for_leader(request.user, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invitation_create(
                chapter=chapter, invitee=InviteeData(**form.cleaned_data), invited_by=request.user
            )
        except InvitationError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, f"An invitation is on its way to {invitation.email}.")
            return redirect("chapters:invitations", slug=slug)
    status = request.GET.get("status", "")
    invitations = selectors.invitations_of(chapter=chapter)
    if status in InvitationStatus.values:
        invitations = invitations.filter(status=status)
    counts = selectors.invitation_counts(chapter=chapter)
    return render(
        request,
        "chapters/invitation_list.html",
        {
            "chapter": chapter,
            "form": form,
            "page": Paginator(invitations, INVITATIONS_PAGE_SIZE).get_page(
                request.GET.get("page")
            ),
            "status": status,
            "query_string": f"status={status}" if status else "",
            "status_counts": [
                (value, label, counts.get(value, 0)) for value, label in InvitationStatus.choices
            ],
        },
    )


@login_required
def invitation_upload(request, slug):
    chapter = access.chapter_for_leader(request.user, slug)
    form = InvitationCsvForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            invitees = read_invitation_csv(chapter=chapter, raw=form.cleaned_data["file"].read())
            created = invitations_create(
                chapter=chapter, invitees=invitees, invited_by=request.user
            )
        except InvitationCsvError as error:
            problems = error.problems
        except InvitationError as error:
            problems = [str(error)]
        else:
            count = len(created)
            messages.success(
                request,
                "1 invitation is on its way."
                if count == 1
                else f"{count} invitations are on their way.",
            )
            return redirect("chapters:invitations", slug=slug)
    return render(
        request,
        "chapters/invitation_upload.html",
        {"chapter": chapter, "form": form, "problems": problems},
    )


@login_required
@require_POST
def invitation_resend_view(request, slug, invitation_id):
    invitation = access.invitation_for_leader(request.user, slug, invitation_id)
    try:
        invitation_resend(invitation=invitation)
    except InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The invitation to {invitation.email} is sent again.")
    return redirect("chapters:invitations", slug=slug)


@login_required
@require_POST
def invitation_revoke_view(request, slug, invitation_id):
    invitation = access.invitation_for_leader(request.user, slug, invitation_id)
    try:
        invitation_revoke(invitation=invitation)
    except InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The invitation to {invitation.email} is revoked.")
    return redirect("chapters:invitations", slug=slug)


def invitation_respond(request, token):
    """The page behind the link in the email; no login needed to open it."""
    try:
        invitation = invitation_for_token(token=token)
    except InvitationError as error:
        return render(request, "chapters/invitation_invalid.html", {"reason": str(error)})
    user = request.user
    has_account = user.is_authenticated or email_is_taken(email=invitation.email)
    form = None
    if not has_account:
        form = NewAccountForm(
            request.POST or None,
            email=invitation.email,
            initial={"first_name": invitation.first_name, "last_name": invitation.last_name},
        )
    if request.method == "POST" and (user.is_authenticated or (form and form.is_valid())):
        response = _accept(request, invitation, form)
        if response is not None:
            return response
    return render(
        request,
        "chapters/invitation_respond.html",
        {
            "invitation": invitation,
            "form": form,
            "has_account": has_account,
            "login_url": reverse("account_login") + "?next=" + request.path,
        },
    )


def _accept(request, invitation, form):
    """Accept as the logged-in person, or with a new account from `form`; None on refusal."""
    try:
        if request.user.is_authenticated:
            invitation_accept(invitation=invitation, user=request.user)
        else:
            user = invitation_accept_with_new_account(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    except InvitationError as error:
        messages.error(request, str(error))
        return None
    except EmailTaken:
        messages.error(request, "An account with this address exists already: log in to accept.")
        return None
    messages.success(request, f"Welcome to {invitation.chapter}!")
    return redirect("home" if form is None else "profile_edit")

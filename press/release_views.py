"""A press release: edit and preview it, approve it (staff), read it as text or PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from common.merge import MergeError
from common.pdf import pdf_response, render_pdf
from outbox.models import Email
from press import access, releases
from press.forms import ReleaseForm
from press.pages import day_facts


def _text(release):
    """The release as it reads now, or the merge problems that stop it."""
    try:
        return releases.release_text(release), []
    except MergeError as error:
        return ("", ""), error.problems


@login_required
def release_detail(request, release_id):
    release = access.release_for_manager(request.user, release_id)
    zone = day_facts(release.page).starts_at.tzinfo
    form = None
    if not release.is_approved:
        form = ReleaseForm(request.POST or None, instance=release, zone=zone)
        if request.method == "POST" and form.is_valid():
            try:
                releases.release_update(release=release, **form.cleaned_data)
            except releases.ReleaseError as error:
                form.add_error("embargo_until" if "embargo" in str(error) else None, str(error))
            else:
                messages.success(request, "The draft is saved. Read it below before approving.")
                return redirect("press:release", release_id=release.pk)
    (title, body), problems = _text(release)
    emails = Email.objects.filter(topic=f"press-release:{release.pk}")
    return render(
        request,
        "press/release.html",
        {
            "release": release,
            "page": release.page,
            "form": form,
            "title": title,
            "body": body,
            "problems": problems,
            "fields": releases.RELEASE_FIELDS.items(),
            "zone": zone,
            "queued": emails.filter(state="queued").count(),
            "sent": emails.filter(state="sent").count(),
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
@require_POST
def release_approve(request, release_id):
    release = access.release_for_staff(request.user, release_id)
    try:
        count = releases.release_approve(release=release, by=request.user)
    except (releases.ReleaseError, MergeError) as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"Approved: queued to {count} press contact{'s' if count != 1 else ''}, "
            "to go when the embargo lifts.",
        )
    return redirect("press:release", release_id=release.pk)


@login_required
def release_plain_text(request, release_id):
    release = access.release_for_manager(request.user, release_id)
    (title, body), problems = _text(release)
    text = "\n".join(problems) if problems else f"{title}\n\n{body}\n"
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        False, f"release-{release.pk}.txt"
    )
    return response


@login_required
def release_pdf(request, release_id):
    release = access.release_for_manager(request.user, release_id)
    (title, body), problems = _text(release)
    if problems:
        messages.error(request, " ".join(problems))
        return redirect("press:release", release_id=release.pk)
    pdf = render_pdf(
        "press/release_print.html",
        {"release": release, "page": release.page, "title": title, "body": body},
    )
    return pdf_response(f"release-{release.pk}.pdf", pdf)

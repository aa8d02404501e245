from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chapters import access, selectors, services
from chapters.filters import RosterFilter
from chapters.forms import ChapterForm, RoleForm
from common.access import staff_required
from members.services import profile_for

ROSTER_PAGE_SIZE = 50


@login_required
def chapter_list(request):
    if not (request.user.is_staff or access.leads_any_chapter(request.user)):
        raise PermissionDenied("Only chapter leaders and national staff manage chapters.")
    chapters = selectors.chapters_led_by(user=request.user)
    return render(request, "chapters/chapter_list.html", {"chapters": chapters})


@staff_required("Only national staff create chapters.")
def chapter_create(request):
    form = ChapterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            chapter = services.chapter_create(
                name=form.cleaned_data["name"],
                slug=form.cleaned_data["slug"],
                states=form.cleaned_data["states"],
            )
        except services.ChapterError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{chapter} is created. Invite its leaders next.")
            return redirect("chapters:roster", slug=chapter.slug)
    return render(request, "chapters/chapter_form.html", {"form": form})


@login_required
def chapter_edit(request, slug):
    chapter = access.chapter_for_staff(request.user, slug)
    form = ChapterForm(request.POST or None, chapter=chapter)
    if request.method == "POST" and form.is_valid():
        try:
            services.chapter_update(
                chapter=chapter,
                name=form.cleaned_data["name"],
                states=form.cleaned_data["states"],
            )
        except services.ChapterError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{chapter} is saved.")
            return redirect("chapters:roster", slug=chapter.slug)
    return render(request, "chapters/chapter_form.html", {"form": form, "chapter": chapter})


@login_required
def roster(request, slug):
    chapter = access.chapter_for_leader(request.user, slug)
    roster_filter = RosterFilter(request.GET or None, queryset=selectors.roster(chapter=chapter))
    members = (
        roster_filter.qs
        if roster_filter.is_bound and roster_filter.is_valid()
        else (selectors.roster(chapter=chapter))
    )
    page = Paginator(members, ROSTER_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "chapters/roster.html",
        {
            "chapter": chapter,
            "filter": roster_filter,
            "page": page,
            "query_string": query.urlencode(),
            "can_change_roles": _can_change_roles(request.user, chapter),
        },
    )


def _can_change_roles(user, chapter) -> bool:
    try:
        access.chapter_for_role_change(user, chapter.slug)
    except PermissionDenied:
        return False
    return True


@login_required
def member_detail(request, slug, membership_id):
    membership = access.membership_for_leader(request.user, slug, membership_id)
    # Accounts made in the admin or the shell have no profile until first used.
    profile = profile_for(user=membership.user)
    return render(
        request,
        "chapters/member_detail.html",
        {
            "chapter": membership.chapter,
            "membership": membership,
            "profile": profile,
            "practice_areas": list(profile.practice_areas.all()),
            "policy_issues": list(profile.policy_issues.all()),
            "role_form": RoleForm(initial={"role": membership.role}),
            "can_change_roles": _can_change_roles(request.user, membership.chapter),
        },
    )


@login_required
@require_POST
def member_role(request, slug, membership_id):
    chapter = access.chapter_for_role_change(request.user, slug)
    membership = access.membership_for_leader(request.user, chapter.slug, membership_id)
    form = RoleForm(request.POST)
    if form.is_valid():
        services.membership_set_role(membership=membership, role=form.cleaned_data["role"])
        messages.success(
            request, f"{membership.user} is now {membership.get_role_display().lower()}."
        )
    else:
        messages.error(request, "Choose one of the roles in the list.")
    return redirect("chapters:member", slug=slug, membership_id=membership.pk)


@login_required
@require_POST
def member_remove(request, slug, membership_id):
    membership = access.membership_for_leader(request.user, slug, membership_id)
    if membership.user_id == request.user.pk:
        messages.error(request, "You cannot remove yourself from the chapter.")
        return redirect("chapters:member", slug=slug, membership_id=membership.pk)
    if membership.is_leader and not _can_change_roles(request.user, membership.chapter):
        raise PermissionDenied("Only national staff and the chair can remove a leader.")
    services.membership_remove(membership=membership)
    messages.success(request, f"{membership.user} is no longer in {membership.chapter}.")
    return redirect("chapters:roster", slug=slug)

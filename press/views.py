"""The kit for leaders and staff: pages, their dashboard, outreach, clippings and posts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from chapters.access import leads_any_chapter
from chapters.selectors import chapters_led_by
from coalitions.models import CoalitionEvent
from common.forms import form_errors_as_messages
from common.merge import MergeError
from events.models import Event
from press import access, contacts, releases, selectors, services, social
from press.forms import (
    ClippingForm,
    CoalitionPageForm,
    DayPageForm,
    OutreachForm,
    PageForm,
    PostForm,
    SignInPressForm,
)
from press.models import ReleaseKind, SocialPost
from press.pages import day_facts, public_url, share_image_url

KIT_REASON = "The press kit is for chapter leaders and national staff."


def _creation_forms(user, data=None):
    led = chapters_led_by(user=user).order_by("name")
    events = Event.objects.order_by("-date")
    day = DayPageForm(data, events=events, chapters=led, national=user.is_staff, prefix="day")
    coalition = CoalitionPageForm(
        data,
        coalition_events=CoalitionEvent.objects.filter(chapter__in=led).select_related("chapter"),
        prefix="coalition",
    )
    return day, coalition


def _kit_user(user):
    if not (user.is_staff or leads_any_chapter(user)):
        raise PermissionDenied(KIT_REASON)


@login_required
def kit_home(request):
    _kit_user(request.user)
    day_form, coalition_form = _creation_forms(request.user)
    return render(
        request,
        "press/kit_home.html",
        {
            "pages": selectors.pages_managed_by(user=request.user),
            "day_form": day_form,
            "coalition_form": coalition_form,
        },
    )


@login_required
@require_POST
def page_create(request):
    _kit_user(request.user)
    day_form, coalition_form = _creation_forms(request.user, request.POST)
    which = request.POST.get("which")
    form = coalition_form if which == "coalition" else day_form
    if not form.is_valid():
        form_errors_as_messages(request, form)
        return redirect("press:home")
    try:
        if which == "coalition":
            page = services.page_create(
                by=request.user, coalition_event=form.cleaned_data["coalition_event"]
            )
        else:
            page = services.page_create(
                by=request.user,
                event=form.cleaned_data["event"],
                chapter=form.cleaned_data["chapter"],
            )
    except services.PressError as error:
        messages.error(request, str(error))
        return redirect("press:home")
    return redirect("press:page", page_id=page.pk)


def _dashboard(request, page, *, status=200, **forms):
    posts = social.render_posts(page, selectors.posts_of(page=page))
    press_list = selectors.press_list_for(page=page)
    context = {
        "page": page,
        "facts": day_facts(page),
        "page_url": public_url(page),
        "image_url": share_image_url(page),
        "releases": selectors.releases_of(page=page),
        "release_kinds": ReleaseKind.choices if page.event_id else [ReleaseKind.choices[0]],
        "press_count": press_list.count(),
        "outreach": selectors.outreach_of(page=page)[:100],
        "clippings": selectors.clippings_of(page=page),
        "speakers": selectors.available_speakers(page=page),
        "quotes": selectors.consented_quotes(page=page).select_related("author"),
        "posts": posts,
        "outreach_form": forms.get("outreach_form")
        or OutreachForm(
            contacts=press_list.order_by("outlet", "name").only("pk", "name", "outlet")
        ),
        "clipping_form": forms.get("clipping_form") or ClippingForm(),
        "signed_in_press": contacts.signed_in_press(event=page.coalition_event)
        if page.coalition_event_id
        else [],
    }
    return render(request, "press/page_dashboard.html", context, status=status)


@login_required
def page_dashboard(request, page_id):
    page = access.page_for_manager(request.user, page_id)
    return _dashboard(request, page)


@login_required
def page_edit(request, page_id):
    page = access.page_for_manager(request.user, page_id)
    form = PageForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        services.page_update(page=page, **form.cleaned_data)
        messages.success(request, "The page is saved; its share card is drawn anew.")
        return redirect("press:page", page_id=page.pk)
    return render(request, "press/page_edit.html", {"page": page, "form": form})


@login_required
@require_POST
def page_publish(request, page_id):
    page = access.page_for_manager(request.user, page_id)
    published = request.POST.get("published") == "1"
    try:
        services.page_publish(page=page, published=published)
    except services.PressError as error:
        messages.error(request, str(error))
        return redirect("press:page", page_id=page.pk)
    messages.success(
        request, "The page is public." if published else "The page is hidden from the public."
    )
    return redirect("press:page", page_id=page.pk)


@login_required
@require_POST
def outreach_add(request, page_id):
    page = access.page_for_manager(request.user, page_id)
    form = OutreachForm(request.POST, contacts=selectors.press_list_for(page=page))
    if not form.is_valid():
        return _dashboard(request, page, status=400, outreach_form=form)
    services.outreach_log(page=page, by=request.user, **form.cleaned_data)
    messages.success(request, "Noted in the outreach log.")
    return redirect("press:page", page_id=page.pk)


@login_required
@require_POST
def clipping_add(request, page_id):
    page = access.page_for_manager(request.user, page_id)
    form = ClippingForm(request.POST)
    if not form.is_valid():
        return _dashboard(request, page, status=400, clipping_form=form)
    services.clipping_add(page=page, contact=None, by=request.user, **form.cleaned_data)
    messages.success(request, "The clipping is on the page's dashboard.")
    return redirect("press:page", page_id=page.pk)


@login_required
@require_POST
def release_start(request, page_id, kind):
    page = access.page_for_manager(request.user, page_id)
    if kind not in ReleaseKind.values:
        messages.error(request, "Choose a release before or after the day.")
        return redirect("press:page", page_id=page.pk)
    try:
        release = releases.release_create(page=page, kind=kind, by=request.user)
    except releases.ReleaseError as error:
        messages.error(request, str(error))
        return redirect("press:page", page_id=page.pk)
    return redirect("press:release", release_id=release.pk)


@login_required
@require_POST
def posts_suggest(request, page_id):
    page = access.page_for_manager(request.user, page_id)
    added = social.posts_suggest(page=page, by=request.user)
    messages.success(request, f"{added} suggested post{'s' if added != 1 else ''} added.")
    return redirect(f"{reverse('press:page', args=[page.pk])}#posts")


@login_required
@require_POST
def post_edit(request, post_id):
    post = get_object_or_404(SocialPost.objects.select_related("page"), pk=post_id)
    page = access.page_for_manager(request.user, post.page_id)
    form = PostForm(request.POST)
    if form.is_valid():
        try:
            shown = social.post_update(post=post, text=form.cleaned_data["text"])
        except MergeError as error:
            messages.error(request, " ".join(error.problems))
        else:
            if shown.over_by:
                messages.warning(
                    request,
                    f"Saved, but the {post.get_platform_display()} post is {shown.over_by} "
                    f"characters over its limit of {shown.limit}.",
                )
            else:
                messages.success(request, f"The {post.get_platform_display()} post is saved.")
    else:
        form_errors_as_messages(request, form)
    return redirect(f"{reverse('press:page', args=[page.pk])}#posts")


@login_required
@require_POST
def sign_in_press_add(request, page_id):
    page = access.page_for_manager(request.user, page_id)
    if page.coalition_event_id is None:
        messages.error(request, "Only a coalition event has a press sign-in.")
        return redirect("press:page", page_id=page.pk)
    guests = contacts.signed_in_press(event=page.coalition_event)
    form = SignInPressForm(request.POST, guests=guests)
    if not form.is_valid():
        form_errors_as_messages(request, form)
        return redirect("press:page", page_id=page.pk)
    added = contacts.contacts_from_sign_in(
        event=page.coalition_event,
        guest_ids=[int(pk) for pk in form.cleaned_data["guests"]],
        by=request.user,
    )
    messages.success(request, f"{len(added)} journalist{'s' if len(added) != 1 else ''} added.")
    return redirect("press:page", page_id=page.pk)

"""The press list: leaders see and grow their chapters' contacts, staff every contact."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chapters.access import leads_any_chapter
from chapters.selectors import chapters_led_by
from press import access, contacts, selectors
from press.forms import ContactForm, ContactImportForm

LIST_REASON = "The press list is for chapter leaders and national staff."


def _chapter_for_new_contacts(request):
    """Staff add national contacts; a leader adds to their (first) chapter, or the one chosen."""
    if request.user.is_staff and not request.POST.get("chapter"):
        return None
    led = chapters_led_by(user=request.user)
    chosen = led.filter(slug=request.POST.get("chapter", "")).first()
    chapter = chosen or (None if request.user.is_staff else led.order_by("name").first())
    if chapter is None and not request.user.is_staff:
        raise PermissionDenied(LIST_REASON)
    return chapter


def _page(request, *, contact_form=None, import_form=None, problems=(), status=200):
    language = request.GET.get("language", "").strip()
    ethnic = request.GET.get("ethnic") == "1"
    return render(
        request,
        "press/contacts.html",
        {
            "contacts": selectors.contacts_managed_by(user=request.user).filter(
                *selectors.contact_filters(language=language, ethnic_only=ethnic)
            ),
            "language": language,
            "ethnic": ethnic,
            "chapters": chapters_led_by(user=request.user).order_by("name"),
            "contact_form": contact_form or ContactForm(),
            "import_form": import_form or ContactImportForm(),
            "problems": problems,
        },
        status=status,
    )


def _may_see_list(user):
    if not (user.is_staff or leads_any_chapter(user)):
        raise PermissionDenied(LIST_REASON)


@login_required
def contact_list(request):
    _may_see_list(request.user)
    if request.method != "POST":
        return _page(request)
    form = ContactForm(request.POST)
    if not form.is_valid():
        return _page(request, contact_form=form, status=400)
    chapter = _chapter_for_new_contacts(request)
    try:
        contact = contacts.contact_add(
            data=contacts.ContactData(**form.cleaned_data), chapter=chapter, by=request.user
        )
    except contacts.ContactError as error:
        form.add_error("email", str(error))
        return _page(request, contact_form=form, status=400)
    messages.success(request, f"{contact.name} ({contact.outlet}) is on the press list.")
    return redirect("press:contacts")


@login_required
def contact_import(request):
    _may_see_list(request.user)
    if request.method != "POST":
        return redirect("press:contacts")
    form = ContactImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, import_form=form, status=400)
    chapter = _chapter_for_new_contacts(request)
    try:
        count = contacts.contacts_import(
            raw=form.cleaned_data["file"].read(), chapter=chapter, by=request.user
        )
    except contacts.ContactCsvError as error:
        return _page(request, import_form=form, problems=error.problems, status=400)
    messages.success(request, f"{count} contact{'s' if count != 1 else ''} imported.")
    return redirect("press:contacts")


@login_required
def contact_detail(request, contact_id):
    contact = access.contact_for_manager(request.user, contact_id)
    return render(
        request,
        "press/contact_detail.html",
        {
            "contact": contact,
            "outreach": selectors.outreach_with(contact=contact, user=request.user),
            "release_emails": selectors.release_emails_to(contact=contact),
        },
    )


@login_required
@require_POST
def contact_remove(request, contact_id):
    contact = access.contact_for_manager(request.user, contact_id)
    contacts.contact_remove(contact=contact)
    messages.success(request, f"{contact.name} is off the press list, with their outreach log.")
    return redirect("press:contacts")

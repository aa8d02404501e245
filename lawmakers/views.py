from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.module_loading import import_string

from lawmakers import selectors
from lawmakers.forms import DirectoryFilterForm

PAGE_SIZE = 50


@login_required
def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    lawmakers = selectors.lawmaker_directory()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        lawmakers = selectors.lawmaker_directory(
            query=data["q"],
            state=data["state"],
            level=data["level"],
            chamber=data["chamber"],
            party=data["party"],
            committee=data["committee"],
            include_former=data["former"],
        )
    page = Paginator(lawmakers, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "lawmakers/directory.html",
        {"form": form, "page": page, "query_string": query.urlencode()},
    )


def _panels(request, lawmaker) -> list[str]:
    """Sections other apps add to the page (LAWMAKER_PAGE_PANELS), so that this
    app, the lowest layer, imports none of them. Each returns HTML or ""."""
    return [
        html
        for path in getattr(settings, "LAWMAKER_PAGE_PANELS", [])
        if (html := import_string(path)(request, lawmaker))
    ]


@login_required
def lawmaker_detail(request, public_id):
    lawmaker = get_object_or_404(selectors.lawmaker_detail(public_id=public_id))
    seats = list(lawmaker.committee_seats.all())
    return render(
        request,
        "lawmakers/lawmaker_detail.html",
        {
            "lawmaker": lawmaker,
            "offices": list(lawmaker.district_offices.all()),
            "committee_seats": [s for s in seats if not s.committee.parent_id],
            "subcommittee_seats": [s for s in seats if s.committee.parent_id],
            "panels": _panels(request, lawmaker),
        },
    )

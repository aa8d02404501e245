"""Staff pages for the campuses: buildings, their groups and the walking minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from lawmakers.campus_forms import CampusWalkingForm
from lawmakers.campuses import (
    CampusError,
    campus_buildings,
    campus_walking_update,
    campus_walks,
)
from lawmakers.models import Campus, Level


def _require_staff(user) -> None:
    # National staff are `User.is_staff`; this app imports no other to ask.
    if not user.is_staff:
        raise PermissionDenied


def campus_for_staff(user, key: str) -> Campus:
    _require_staff(user)
    if key == "us":
        return get_object_or_404(Campus, level=Level.FEDERAL, state="")
    return get_object_or_404(Campus, level=Level.STATE, state=key.upper())


@login_required
def campus_list(request):
    _require_staff(request.user)
    campuses = Campus.objects.prefetch_related("buildings").order_by("level", "state")
    return render(request, "lawmakers/campus_list.html", {"campuses": campuses})


@login_required
def campus_edit(request, key):
    campus = campus_for_staff(request.user, key)
    buildings = campus_buildings(campus)
    form = CampusWalkingForm(
        request.POST if request.method == "POST" else None,
        buildings=buildings,
        walks=campus_walks(buildings),
    )
    if request.method == "POST" and form.is_valid():
        try:
            campus_walking_update(campus=campus, groups=form.groups(), minutes=form.minutes())
        except CampusError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Walking rules of {campus} saved.")
            return redirect("lawmakers:campus", key=campus.key)
    return render(request, "lawmakers/campus_edit.html", {"campus": campus, "form": form})

"""A member's own lawmakers, and the districts they choose."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from members.constituency import DistrictChoiceError, constituency_for, profile_choose_districts
from members.constituency_forms import DistrictChoiceForm
from members.services import profile_for


def _page(request, profile, constituency, form):
    return render(
        request,
        "members/my_lawmakers.html",
        {"profile": profile, "constituency": constituency, "form": form},
    )


@login_required
def my_lawmakers(request):
    profile = profile_for(user=request.user)
    constituency = constituency_for(profile)
    form = DistrictChoiceForm(
        constituency=constituency,
        initial={
            "congressional_district": constituency.district,
            "state_upper_district": profile.state_upper_district,
            "state_lower_district": profile.state_lower_district,
        },
    )
    return _page(request, profile, constituency, form)


@login_required
@require_POST
def choose_districts(request):
    profile = profile_for(user=request.user)
    constituency = constituency_for(profile)
    form = DistrictChoiceForm(request.POST, constituency=constituency)
    if form.is_valid():
        data = form.cleaned_data
        try:
            profile_choose_districts(
                profile=profile,
                congressional_district=data.get("congressional_district", constituency.district),
                state_upper_district=data.get("state_upper_district", ""),
                state_lower_district=data.get("state_lower_district", ""),
            )
        except DistrictChoiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your districts are saved.")
            return redirect("my_lawmakers")
    return _page(request, profile, constituency, form)

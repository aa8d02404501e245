from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from members.forms import ProfileForm
from members.services import profile_for, profile_update
from members.time_zones import profile_zone, zone_label


@login_required
def profile_detail(request):
    profile = profile_for(user=request.user)
    return render(
        request,
        "members/profile_detail.html",
        {
            "profile": profile,
            "practice_areas": list(profile.practice_areas.all()),
            "policy_issues": list(profile.policy_issues.all()),
            "time_zone": profile_zone(profile),
            "time_zone_label": zone_label(profile_zone(profile)),
        },
    )


@login_required
def profile_edit(request):
    profile = profile_for(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        profile_update(profile=profile, **data)
        messages.success(request, "Your profile is saved.")
        return redirect("profile")
    return render(request, "members/profile_form.html", {"form": form})

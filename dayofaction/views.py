from django.shortcuts import render

from chapters.selectors import chapters_led_by, memberships_of
from events.selectors import upcoming_events
from members.services import profile_for


def home(request):
    """The landing page for visitors; for people, what matters to their role today."""
    if not request.user.is_authenticated:
        return render(request, "home_anonymous.html", {"events": upcoming_events()[:3]})
    user = request.user
    context = {
        "events": list(upcoming_events(include_drafts=user.is_staff)[:5]),
        "profile": profile_for(user=user),
        "memberships": list(memberships_of(user=user)),
        "led_chapters": list(chapters_led_by(user=user)[:50]),
    }
    return render(request, "home.html", context)


def bad_request(request, exception):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception):
    reason = str(exception) if exception and str(exception) else ""
    return render(request, "errors/403.html", {"reason": reason}, status=403)


def page_not_found(request, exception):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)

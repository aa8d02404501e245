from chapters.access import leads_any_chapter


def navigation(request):
    """What the navigation needs to show each role its own links (one query at most)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_is_staff": False, "nav_leads_chapters": False}
    return {
        "nav_is_staff": user.is_staff,
        "nav_leads_chapters": user.is_staff or leads_any_chapter(user),
    }

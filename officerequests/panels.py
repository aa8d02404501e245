"""The office's contacts where lower apps show an office: the lawmaker page and the briefing.

Registered, never imported by them: `LAWMAKER_PAGE_PANELS` (a setting) for the
lawmaker page, `talkingpoints.office_panels` for the briefing. Both show the
contacts only to the people who keep them (`access.keeps_contacts_q`).
"""

from collections import defaultdict

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from lawmakers.models import Lawmaker
from members.models import User
from officerequests.access import keeps_contacts_q
from officerequests.contacts import contacts_of


def _visible_ids(user: User, lawmaker_ids: list[int]) -> list[int]:
    if not user.is_authenticated:
        return []
    if user.is_staff:
        return lawmaker_ids
    return list(
        Lawmaker.objects.filter(keeps_contacts_q(user), pk__in=lawmaker_ids).values_list(
            "pk", flat=True
        )
    )


def briefing_contacts_panel(lawmaker_ids: list[int], viewer: User) -> dict[int, SafeString]:
    visible = _visible_ids(viewer, lawmaker_ids)
    if not visible:
        return {}
    found = defaultdict(list)
    for contact in contacts_of(visible):
        found[contact.lawmaker_id].append(contact)
    return {
        lawmaker_id: render_to_string(
            "officerequests/_briefing_contacts.html", {"contacts": found.get(lawmaker_id, [])}
        )
        for lawmaker_id in visible
    }


def lawmaker_contacts_panel(request, lawmaker: Lawmaker) -> str:
    if not _visible_ids(request.user, [lawmaker.pk]):
        return ""
    return render_to_string(
        "officerequests/_lawmaker_contacts.html",
        {"lawmaker": lawmaker, "contacts": list(contacts_of([lawmaker.pk]))},
    )

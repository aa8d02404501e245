"""One access helper per object: return it for this person, or raise 404/403.

Office contacts are kept by the leaders of the chapters that cover the
lawmaker's state and by national staff; only they see them. Requests belong
to the chapter whose meetings they ask for. Offices reach their reply page by
a signed link (`links.py`), without an account.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from chapters.models import LEADER_ROLES, Membership
from lawmakers.models import Lawmaker
from meetings.access import chapter_board_for_leader, meeting_for_leader
from members.models import User
from officerequests.models import OfficeContact

CONTACTS_ARE_PRIVATE = (
    "Only leaders of the chapters covering this lawmaker's state and national staff "
    "see and keep the office's contacts."
)

__all__ = ["chapter_board_for_leader", "meeting_for_leader"]


def states_kept_by(user: User):
    """The states whose offices' contacts this leader keeps (a subquery)."""
    return Membership.objects.filter(user=user, role__in=LEADER_ROLES).values(
        "chapter__states__state"
    )


def keeps_contacts_q(user: User) -> Q:
    """A filter on `Lawmaker`: the offices whose contacts this person sees and keeps."""
    if user.is_staff:
        return Q()
    return Q(state__in=states_kept_by(user))


def keeps_contacts_of(user: User, lawmaker: Lawmaker) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Membership.objects.filter(
        user=user, role__in=LEADER_ROLES, chapter__states__state=lawmaker.state
    ).exists()


def lawmaker_for_contacts(user: User, public_id: str) -> Lawmaker:
    lawmaker = get_object_or_404(Lawmaker, public_id=public_id)
    if keeps_contacts_of(user, lawmaker):
        return lawmaker
    raise PermissionDenied(CONTACTS_ARE_PRIVATE)


def contact_for_keeper(user: User, contact_id: int) -> OfficeContact:
    contact = get_object_or_404(OfficeContact.objects.select_related("lawmaker"), pk=contact_id)
    if keeps_contacts_of(user, contact.lawmaker):
        return contact
    raise PermissionDenied(CONTACTS_ARE_PRIVATE)

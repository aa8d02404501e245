"""Who may see which campaign and whose actions.

- The public: open public campaigns, and only their own actions (in their session).
- Members: every open campaign, and their own actions.
- Chapter leaders: their chapters' campaigns (all their actions), and national
  campaigns' actions taken in their chapters' states.
- National staff: everything.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from actions.models import Campaign
from chapters.access import is_leader_of
from chapters.models import LEADER_ROLES, ChapterState
from chapters.selectors import led_chapter_ids

NOT_YOURS = "Only national staff and the campaign's chapter leaders manage this campaign."


def campaign_for_taking_part(user, slug: str) -> Campaign:
    """A campaign a person may open: public ones for anyone, members-only ones once logged in.

    A members-only campaign answers 404 to the public, as if it did not exist.
    """
    queryset = Campaign.objects.select_related("event", "chapter")
    if not user.is_authenticated:
        queryset = queryset.filter(is_public=True)
    return get_object_or_404(queryset, slug=slug)


def led_states(user) -> list[str]:
    return sorted(
        set(
            ChapterState.objects.filter(chapter_id__in=led_chapter_ids(user)).values_list(
                "state", flat=True
            )
        )
    )


@dataclass
class DashboardScope:
    """What part of a campaign's actions a person sees: all, or those from some states."""

    campaign: Campaign
    states: list[str] | None  # None: every action
    may_edit: bool


def campaign_for_manager(user, slug: str) -> DashboardScope:
    campaign = get_object_or_404(Campaign.objects.select_related("event", "chapter"), slug=slug)
    if user.is_staff:
        return DashboardScope(campaign, None, True)
    if campaign.chapter_id and is_leader_of(user, campaign.chapter):
        return DashboardScope(campaign, None, True)
    if campaign.chapter_id is None:
        states = led_states(user)
        if states:
            return DashboardScope(campaign, states, False)
    raise PermissionDenied(NOT_YOURS)


def campaign_for_editor(user, slug: str) -> Campaign:
    scope = campaign_for_manager(user, slug)
    if not scope.may_edit:
        raise PermissionDenied(NOT_YOURS)
    return scope.campaign


def require_campaign_maker(user) -> None:
    """Staff make national campaigns; chapter leaders make their state's."""
    if not user.is_staff and not user.memberships.filter(role__in=LEADER_ROLES).exists():
        raise PermissionDenied("Only national staff and chapter leaders make campaigns.")

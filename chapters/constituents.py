"""Which lawmakers a chapter's members are constituents of, with counts; and
on a lawmaker's page, the members of ours who are their constituents.

Matching itself is members.constituency; this module adds who may see whom:
national staff see everyone, a chapter's leaders see their chapters' members.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.template.loader import render_to_string

from chapters.models import Chapter, Membership
from chapters.selectors import led_chapter_ids
from lawmakers.models import Chamber, Lawmaker, Level
from members.constituency import constituencies_for
from members.models import Profile, User


@dataclass
class ChapterConstituents:
    rows: list[tuple[Lawmaker, int]] = field(default_factory=list)
    member_count: int = 0
    matched: int = 0
    needs_choice: int = 0
    problems: int = 0


def _seat_order(lawmaker: Lawmaker):
    district = lawmaker.district
    return (
        lawmaker.level != Level.FEDERAL,
        lawmaker.state,
        lawmaker.chamber != Chamber.UPPER,
        int(district) if district.isdigit() else 0,
        district,
        lawmaker.last_name,
    )


def chapter_constituents(*, chapter: Chapter) -> ChapterConstituents:
    """Every lawmaker the chapter's members live under, with how many members each."""
    profiles = [
        m.user.profile
        for m in Membership.objects.filter(chapter=chapter).select_related("user__profile")
        if hasattr(m.user, "profile")
    ]
    result = ChapterConstituents(member_count=len(profiles))
    counts: Counter = Counter()
    lawmakers: dict[int, Lawmaker] = {}
    for constituency in constituencies_for(profiles).values():
        if constituency.problem:
            result.problems += 1
        if constituency.needs_district_choice:
            result.needs_choice += 1
        if constituency.lawmakers:
            result.matched += 1
        for lawmaker in constituency.lawmakers:
            counts[lawmaker.pk] += 1
            lawmakers[lawmaker.pk] = lawmaker
    result.rows = sorted(
        ((lawmakers[pk], n) for pk, n in counts.items()), key=lambda row: _seat_order(row[0])
    )
    return result


def _visible_profiles(user: User, lawmaker: Lawmaker):
    """Profiles in the lawmaker's state that this person may see, or None for nobody."""
    profiles = Profile.objects.filter(state=lawmaker.state).select_related("user")
    if user.is_staff:
        memberships = Membership.objects.select_related("chapter")
        return profiles.prefetch_related(
            Prefetch("user__memberships", queryset=memberships, to_attr="visible_memberships")
        )
    led = list(led_chapter_ids(user).values_list("chapter_id", flat=True))
    if not led:
        return None
    memberships = Membership.objects.filter(chapter_id__in=led).select_related("chapter")
    return (
        profiles.filter(user__memberships__chapter_id__in=led)
        .distinct()
        .prefetch_related(
            Prefetch("user__memberships", queryset=memberships, to_attr="visible_memberships")
        )
    )


def lawmaker_constituents(*, user: User, lawmaker: Lawmaker):
    """(constituents, members who may be: their ZIP spans this district, not chosen yet),
    or None when this person may not see members."""
    profiles = _visible_profiles(user, lawmaker)
    if profiles is None:
        return None
    profiles = list(profiles.order_by("user__last_name", "user__first_name", "user__email"))
    constituencies = constituencies_for(profiles)
    constituents, undecided = [], []
    for profile in profiles:
        constituency = constituencies[profile.pk]
        if any(lm.pk == lawmaker.pk for lm in constituency.lawmakers):
            constituents.append(profile)
        elif (
            lawmaker.level == Level.FEDERAL
            and lawmaker.chamber == Chamber.LOWER
            and constituency.needs_district_choice
            and int(lawmaker.district) in constituency.candidate_districts
        ):
            undecided.append(profile)
    return constituents, undecided


def lawmaker_constituents_panel(request, lawmaker: Lawmaker) -> str:
    """The section of a lawmaker's page listing our members there (LAWMAKER_PAGE_PANELS)."""
    if not request.user.is_authenticated:
        return ""
    found = lawmaker_constituents(user=request.user, lawmaker=lawmaker)
    if found is None:
        return ""
    constituents, undecided = found
    return render_to_string(
        "chapters/_lawmaker_constituents.html",
        {"lawmaker": lawmaker, "constituents": constituents, "undecided": undecided},
        request=request,
    )

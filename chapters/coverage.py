"""Which chapters serve a place: the one rule of service areas.

A chapter covers the states listed for it (`ChapterState`). Where a state has
several chapters, a chapter may serve only some of its congressional districts
(`ChapterDistrict`, which it lists beside the state). The precedence:

1. The chapters whose districts include one of the place's districts (a ZIP code
   spanning two districts may find two chapters).
2. Otherwise the chapters covering the whole state (those listing no districts in it).
3. Otherwise none: the person joins at large.

Counties are not a service area: our ZIP table gives congressional districts only.
"""

from collections.abc import Iterable

from chapters.models import Chapter, ChapterDistrict


def chapters_covering(*, state: str, districts: Iterable[int]) -> list[Chapter]:
    """The chapters serving a place in `state` within one of `districts`, by precedence."""
    districts = set(districts)
    in_state = list(Chapter.objects.filter(states__state=state).order_by("name"))
    if not in_state:
        return []
    areas: dict[int, set[int]] = {}
    for chapter_id, district in ChapterDistrict.objects.filter(
        state=state, chapter__in=in_state
    ).values_list("chapter_id", "district"):
        areas.setdefault(chapter_id, set()).add(district)
    narrower = [c for c in in_state if areas.get(c.pk, set()) & districts]
    if narrower:
        return narrower
    return [c for c in in_state if c.pk not in areas]

"""Reads for lawmakers, with their joins right so page query counts stay flat."""

from django.db.models import Prefetch, Q, QuerySet

from lawmakers.models import Committee, CommitteeSeat, Lawmaker


def lawmaker_directory(
    *,
    query: str = "",
    state: str = "",
    level: str = "",
    chamber: str = "",
    party: str = "",
    committee: Committee | None = None,
    include_former: bool = False,
) -> QuerySet[Lawmaker]:
    lawmakers = Lawmaker.objects.all()
    if not include_former:
        lawmakers = lawmakers.serving()
    for word in query.split():
        lawmakers = lawmakers.filter(
            Q(full_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(nickname__icontains=word)
        )
    if state:
        lawmakers = lawmakers.filter(state=state)
    if level:
        lawmakers = lawmakers.filter(level=level)
    if chamber:
        lawmakers = lawmakers.filter(chamber=chamber)
    if party:
        lawmakers = lawmakers.filter(party=party)
    if committee is not None:
        lawmakers = lawmakers.filter(committee_seats__committee=committee)
    return lawmakers.order_by("last_name", "first_name", "public_id")


def parties() -> list[str]:
    return list(
        Lawmaker.objects.serving()
        .exclude(party="")
        .order_by("party")
        .values_list("party", flat=True)
        .distinct()
    )


def committees_for_filter() -> QuerySet[Committee]:
    return Committee.objects.filter(is_current=True, parent=None).order_by("kind", "name")


def lawmaker_detail(*, public_id: str) -> QuerySet[Lawmaker]:
    seats = CommitteeSeat.objects.select_related("committee", "committee__parent").order_by(
        "committee__parent__name", "committee__name"
    )
    return Lawmaker.objects.filter(public_id=public_id).prefetch_related(
        "district_offices", Prefetch("committee_seats", queryset=seats)
    )

"""Writes for lawmakers: the import of the public data, in one transaction.

Once it is committed, the apps above hear who left office and whose office
moved (`lawmakers.signals`), so meetings can follow.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count

from lawmakers.campuses import seed_campuses
from lawmakers.importers.congress import CongressData, parse_congress
from lawmakers.importers.openstates import parse_state
from lawmakers.importers.summary import Counts, ImportSummary
from lawmakers.importers.sync import BATCH, delete_missing, sync_rows
from lawmakers.importers.zcta import parse_zcta
from lawmakers.models import (
    Chamber,
    Committee,
    CommitteeSeat,
    DistrictOffice,
    Lawmaker,
    Level,
    ZipDistrict,
)
from lawmakers.signals import OfficeMove, lawmakers_departed, office_moved

logger = logging.getLogger(__name__)

LAWMAKER_FIELDS = [
    "public_id", "level", "chamber", "state", "district", "is_voting", "party",
    "first_name", "middle_name", "last_name", "suffix", "nickname", "full_name",
    "term_start", "term_end", "senate_class", "is_appointed", "phone", "email",
    "website", "contact_form", "office_raw", "office_building", "office_room",
    "capitol_side", "mailing_address", "social", "is_serving",
]  # fmt: skip
OFFICE_FIELDS = [
    "source_id", "lawmaker_id", "address", "suite", "building", "city", "state",
    "zip_code", "phone", "fax", "hours", "latitude", "longitude",
]  # fmt: skip
COMMITTEE_FIELDS = [
    "code", "name", "kind", "parent_id", "url", "address_raw", "office_building",
    "office_room", "phone", "jurisdiction", "is_current",
]  # fmt: skip
SEAT_FIELDS = ["committee_id", "lawmaker_id", "side", "rank", "title", "chamber"]
ZIP_FIELDS = ["zcta", "state", "district"]


@dataclass
class ParsedData:
    congress: CongressData | None = None
    states: dict[str, tuple[dict, dict]] | None = None
    zip_rows: set | None = None


@dataclass
class Changes:
    """What the import tells the apps above once it is committed."""

    departed: set[int] = field(default_factory=set)
    moves: list[OfficeMove] = field(default_factory=list)


def lawmakers_import(
    *,
    congress_source=None,
    openstates_source=None,
    states: tuple[str, ...] = (),
    zcta_source=None,
) -> ImportSummary:
    """Import whichever parts have a source. Every file is read and checked
    before the first write, and the writes are one transaction: a malformed file
    raises `DataFileError` and leaves the database as it was."""
    summary = ImportSummary()
    parsed = ParsedData()
    if congress_source is not None:
        parsed.congress = parse_congress(congress_source, summary)
    if openstates_source is not None and states:
        parsed.states = {
            state.upper(): parse_state(openstates_source, state, summary) for state in states
        }
    if zcta_source is not None:
        parsed.zip_rows = parse_zcta(zcta_source)
    changes = Changes()
    with transaction.atomic():
        if parsed.congress is not None:
            _write_congress(parsed.congress, summary, changes)
        for state, (lawmakers, offices) in (parsed.states or {}).items():
            _write_state(state, lawmakers, offices, summary, changes)
        if parsed.zip_rows is not None:
            _write_zip_rows(parsed.zip_rows, summary)
        # Campuses missing from the database (a new state capitol) are added; edits stay.
        seed_campuses()
        transaction.on_commit(lambda: _announce(changes))
    _add_facts(parsed, summary, changes)
    return summary


def _sync_lawmakers(scope, rows: dict[str, dict], counts: Counts, changes: Changes):
    for public_id, row in rows.items():
        row["public_id"] = public_id
    existing = list(scope)
    before = {obj.public_id: (obj.pk, obj.office_building, obj.office_room) for obj in existing}
    missing = sync_rows(
        model=Lawmaker,
        existing=existing,
        key_of=lambda obj: obj.public_id,
        rows=rows,
        fields=LAWMAKER_FIELDS,
        counts=counts,
    )
    # Never deleted: meetings refer to lawmakers. Those gone from the data stop serving.
    leaving = [obj.pk for obj in missing if obj.is_serving]
    if leaving:
        Lawmaker.objects.filter(pk__in=leaving).update(is_serving=False)
        counts.retired += len(leaving)
    changes.departed.update(leaving)
    # Still in the data with a term that has ended: they left office too.
    changes.departed.update(
        scope.filter(is_serving=True).not_serving().values_list("pk", flat=True)
    )
    changes.moves += _office_moves(before, rows)
    return dict(scope.values_list("public_id", "pk"))


def _office_moves(before: dict[str, tuple], rows: dict[str, dict]) -> list[OfficeMove]:
    """Offices that changed building or room; an office that appears or vanishes is no move."""
    moves = []
    for public_id, row in rows.items():
        if public_id not in before:
            continue
        pk, old_building, old_room = before[public_id]
        new_building, new_room = row["office_building"], row["office_room"]
        if (old_building, old_room) == (new_building, new_room):
            continue
        if (old_building or old_room) and (new_building or new_room):
            moves.append(OfficeMove(pk, old_building, old_room, new_building, new_room))
    return moves


def _announce(changes: Changes) -> None:
    # The import stands whatever a listener does: a failing one is logged.
    if changes.departed:
        _send(lawmakers_departed, lawmaker_ids=sorted(changes.departed))
    if changes.moves:
        _send(office_moved, moves=list(changes.moves))


def _send(signal, **payload) -> None:
    for receiver, result in signal.send_robust(sender=Lawmaker, **payload):
        if isinstance(result, Exception):
            logger.error(
                "lawmaker refresh: receiver %r failed",
                receiver,
                exc_info=(type(result), result, result.__traceback__),
            )


def _sync_offices(scope, rows: dict[str, dict], ids: dict[str, int], counts: Counts) -> None:
    for source_id, row in rows.items():
        row["source_id"] = source_id
        row["lawmaker_id"] = ids[row.pop("bioguide", None) or row.pop("public_id")]
    missing = sync_rows(
        model=DistrictOffice,
        existing=scope,
        key_of=lambda obj: obj.source_id,
        rows=rows,
        fields=OFFICE_FIELDS,
        counts=counts,
    )
    delete_missing(DistrictOffice, missing, counts)


def _write_congress(data: CongressData, summary: ImportSummary, changes: Changes) -> None:
    federal = Lawmaker.objects.filter(level=Level.FEDERAL)
    ids = _sync_lawmakers(federal, data.lawmakers, summary.kind("lawmakers in Congress"), changes)
    _sync_offices(
        DistrictOffice.objects.filter(lawmaker__level=Level.FEDERAL),
        data.offices,
        ids,
        summary.kind("district offices in Congress"),
    )

    counts = summary.kind("committees and subcommittees")
    for code, row in data.committees.items():
        row["code"] = code
    parents = {code: row for code, row in data.committees.items() if not row["parent_code"]}
    subs = {code: row for code, row in data.committees.items() if row["parent_code"]}
    for row in parents.values():
        row["parent_id"] = None
    not_parents = sync_rows(
        model=Committee,
        existing=Committee.objects.all(),
        key_of=lambda obj: obj.code,
        rows=parents,
        fields=COMMITTEE_FIELDS,
        counts=counts,
    )
    parent_ids = dict(Committee.objects.filter(parent=None).values_list("code", "pk"))
    for row in subs.values():
        row["parent_id"] = parent_ids[row["parent_code"]]
    gone = sync_rows(
        model=Committee,
        existing=not_parents,
        key_of=lambda obj: obj.code,
        rows=subs,
        fields=COMMITTEE_FIELDS,
        counts=counts,
    )
    retire = [obj.pk for obj in gone if obj.is_current]
    if retire:
        Committee.objects.filter(pk__in=retire).update(is_current=False)
        counts.retired += len(retire)

    committee_ids = dict(Committee.objects.values_list("code", "pk"))
    seat_rows = {}
    for (code, bioguide), row in data.seats.items():
        key = (committee_ids[code], ids[bioguide])
        row["committee_id"], row["lawmaker_id"] = key
        seat_rows[key] = row
    counts = summary.kind("committee seats")
    missing = sync_rows(
        model=CommitteeSeat,
        existing=CommitteeSeat.objects.all(),
        key_of=lambda obj: (obj.committee_id, obj.lawmaker_id),
        rows=seat_rows,
        fields=SEAT_FIELDS,
        counts=counts,
    )
    delete_missing(CommitteeSeat, missing, counts)


def _write_state(
    state: str, lawmakers: dict, offices: dict, summary: ImportSummary, changes: Changes
) -> None:
    scope = Lawmaker.objects.filter(level=Level.STATE, state=state)
    label = f"lawmakers in the {state} legislature"
    ids = _sync_lawmakers(scope, lawmakers, summary.kind(label), changes)
    _sync_offices(
        DistrictOffice.objects.filter(lawmaker__level=Level.STATE, lawmaker__state=state),
        offices,
        ids,
        summary.kind(f"district offices in the {state} legislature"),
    )


def _write_zip_rows(zip_rows: set, summary: ImportSummary) -> None:
    # Rows have no fields beside their key: compare plain tuples, not model objects.
    counts = summary.kind("ZIP (ZCTA) to district rows")
    existing = {
        (zcta, state, district): pk
        for pk, zcta, state, district in ZipDistrict.objects.values_list(
            "pk", *ZIP_FIELDS
        ).iterator(chunk_size=10_000)
    }
    new = [ZipDistrict(zcta=z, state=s, district=d) for z, s, d in zip_rows - existing.keys()]
    ZipDistrict.objects.bulk_create(new, batch_size=BATCH)
    gone = [pk for key, pk in existing.items() if key not in zip_rows]
    for start in range(0, len(gone), BATCH):
        ZipDistrict.objects.filter(pk__in=gone[start : start + BATCH]).delete()
    counts.created += len(new)
    counts.removed += len(gone)
    counts.unchanged += len(existing) - len(gone)


def _add_facts(parsed: ParsedData, summary: ImportSummary, changes: Changes) -> None:
    if changes.departed:
        summary.facts.append(
            f"No longer serving (gone from the data or term ended): {len(changes.departed)}"
        )
    if changes.moves:
        summary.facts.append(f"Offices moved: {len(changes.moves)}")
    serving = Lawmaker.objects.serving()
    if parsed.congress is not None:
        federal = serving.filter(level=Level.FEDERAL)
        senators = federal.filter(chamber=Chamber.UPPER).count()
        house = federal.filter(chamber=Chamber.LOWER)
        delegates = house.filter(is_voting=False).count()
        appointed = federal.filter(is_appointed=True).count()
        summary.facts.append(
            f"Congress: {federal.count()} serving: {senators} senators ({appointed} appointed), "
            f"{house.count()} in the House ({house.count() - delegates} voting, "
            f"{delegates} non-voting delegates)"
        )
        summary.facts.append(
            f"Committees: {Committee.objects.filter(is_current=True, parent=None).count()} "
            f"committees, {Committee.objects.filter(is_current=True).exclude(parent=None).count()}"
            f" subcommittees, {CommitteeSeat.objects.count()} seats"
        )
        offices = DistrictOffice.objects.filter(lawmaker__level=Level.FEDERAL).count()
        summary.facts.append(f"District offices in Congress: {offices}")
    for state in parsed.states or {}:
        chambers = dict(
            serving.filter(level=Level.STATE, state=state)
            .values_list("chamber")
            .annotate(n=Count("id"))
        )
        upper, lower = chambers.get(Chamber.UPPER, 0), chambers.get(Chamber.LOWER, 0)
        summary.facts.append(
            f"{state} legislature: {upper + lower} serving (upper {upper}, lower {lower})"
        )
    if parsed.zip_rows is not None:
        zctas = {zcta for zcta, _, _ in parsed.zip_rows}
        summary.facts.append(f"ZIP table: {len(parsed.zip_rows)} rows, {len(zctas)} ZCTAs")
    if parsed.congress is not None or parsed.zip_rows is not None:
        vacant = vacant_house_seats()
        if vacant:
            summary.facts.append("Vacant House seats: " + ", ".join(vacant))


def vacant_house_seats() -> list[str]:
    """Districts in the ZIP table that no serving member of the House holds."""
    held = set(
        Lawmaker.objects.serving()
        .filter(level=Level.FEDERAL, chamber=Chamber.LOWER)
        .values_list("state", "district")
    )
    if not held:
        return []
    seats = ZipDistrict.objects.order_by().values_list("state", "district").distinct()
    return sorted(
        f"{state}-{district}" for state, district in seats if (state, str(district)) not in held
    )

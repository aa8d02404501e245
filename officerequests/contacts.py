"""Writes and reads for office contacts: kept per lawmaker, across events."""

from django.db import transaction
from django.db.models import QuerySet

from lawmakers.models import Lawmaker
from members.models import User
from officerequests.models import ContactRole, OfficeContact
from reports.models import MeetingReport, ReportStatus

CONTACT_FIELDS = ("role", "name", "title", "email", "phone", "notes")


def contacts_of(lawmaker_ids) -> QuerySet[OfficeContact]:
    return OfficeContact.objects.filter(lawmaker_id__in=list(lawmaker_ids)).select_related(
        "entered_by"
    )


def scheduler_address(contacts: list[OfficeContact]) -> str:
    """Where a request goes: the latest scheduler with an address ("" when none is known)."""
    schedulers = [c for c in contacts if c.role == ContactRole.SCHEDULER and c.email]
    if not schedulers:
        return ""
    return max(schedulers, key=lambda c: (c.updated_at, c.pk)).email


@transaction.atomic
def contact_create(*, lawmaker: Lawmaker, by: User, **fields) -> OfficeContact:
    values = {name: fields.get(name, "") for name in CONTACT_FIELDS}
    return OfficeContact.objects.create(lawmaker=lawmaker, entered_by=by, **values)


@transaction.atomic
def contact_update(*, contact: OfficeContact, **fields) -> OfficeContact:
    for name in CONTACT_FIELDS:
        if name in fields:
            setattr(contact, name, fields[name])
    contact.save()
    return contact


@transaction.atomic
def contact_delete(*, contact: OfficeContact) -> None:
    contact.delete()


def people_met(lawmaker: Lawmaker) -> list[dict]:
    """Whom delegations met in this office (filed reports), not yet kept as contacts.

    Newest first, one entry per name; offered on the contacts page with one click.
    """
    known = {
        name.casefold()
        for name in OfficeContact.objects.filter(lawmaker=lawmaker).values_list("name", flat=True)
    }
    reports = (
        MeetingReport.objects.filter(meeting__lawmaker=lawmaker, status=ReportStatus.FILED)
        .exclude(met_name="")
        .order_by("-meeting__starts_at")
        .values("pk", "met_name", "met_title", "meeting__starts_at")
    )
    offered = []
    for report in reports:
        key = report["met_name"].casefold()
        if key in known:
            continue
        known.add(key)
        offered.append(
            {
                "report_id": report["pk"],
                "name": report["met_name"],
                "title": report["met_title"],
                "met_on": report["meeting__starts_at"],
            }
        )
    return offered


@transaction.atomic
def contact_from_report(*, lawmaker: Lawmaker, report_id: int, by: User) -> OfficeContact:
    """One click: the person a filed report names becomes a contact of the office."""
    report = MeetingReport.objects.get(
        pk=report_id, meeting__lawmaker=lawmaker, status=ReportStatus.FILED
    )
    existing = OfficeContact.objects.filter(
        lawmaker=lawmaker, name__iexact=report.met_name
    ).first()
    if existing:
        return existing
    return contact_create(
        lawmaker=lawmaker,
        by=by,
        role=ContactRole.IMMIGRATION,
        name=report.met_name,
        title=report.met_title,
        notes=f"Met on {report.meeting.starts_at:%B %-d, %Y} (from the meeting report).",
    )

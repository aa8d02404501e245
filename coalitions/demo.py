"""Demo data for `load_demo`: one coalition forum with partners, principles and guests."""

import datetime

from django.utils import timezone

from chapters.models import Chapter
from coalitions.guests import GuestData, guest_add
from coalitions.models import CoalitionEvent, GuestKind, GuestRole, PartnerKind
from coalitions.services import event_save, partner_create, principles_create
from lawmakers.models import Chamber, Lawmaker, Level

PARTNERS = [
    ("Twin Cities Legal Aid Network", PartnerKind.LEGAL_SERVICES),
    ("Interfaith Welcome Coalition", PartnerKind.FAITH),
    ("North Star Business Alliance", PartnerKind.BUSINESS),
]

GUESTS = [
    ("Rev. Grace", "Lindqvist", "Pastor", "Interfaith Welcome Coalition", GuestKind.PARTNER,
     GuestRole.RELIGIOUS_LEADER),
    ("Omar", "Haji", "Director", "Cedar-Riverside Community Center", GuestKind.DISTINGUISHED,
     GuestRole.COMMUNITY_LEADER),
    ("Karen", "Olsen", "President", "North Star Business Alliance", GuestKind.DISTINGUISHED,
     GuestRole.BUSINESS_LEADER),
    ("Luis", "Fernandez", "", "", GuestKind.PUBLIC, ""),
    ("Mai", "Vang", "", "", GuestKind.PUBLIC, ""),
    ("Erik", "Dahl", "Reporter", "Minnesota Daily Ledger", GuestKind.PRESS, ""),
]  # fmt: skip


def load_coalition_demo(chapter: Chapter) -> CoalitionEvent | None:
    """A forum for the chapter, once; nothing when it exists already."""
    if CoalitionEvent.objects.filter(chapter=chapter).exists():
        return None
    partners = [partner_create(chapter=chapter, name=name, kind=kind) for name, kind in PARTNERS]
    principles = principles_create(
        chapter=chapter,
        title="Principles for a working immigration system",
        text=(
            "Families belong together, and the law should not keep them apart for decades.\n"
            "Everyone facing deportation deserves a fair hearing, with a lawyer.\n"
            "Our towns and employers need a system that processes cases on time."
        ),
    )
    starts = timezone.localtime() + datetime.timedelta(days=40)
    event = event_save(
        chapter=chapter,
        hosts=partners,
        name="Community forum: immigration and our economy",
        starts_at=starts.replace(hour=18, minute=30, second=0, microsecond=0),
        venue="Central Library, Pohlad Hall",
        address="300 Nicollet Mall, Minneapolis, MN 55401",
        accessibility="Step-free entrance; ASL interpretation; Spanish and Somali interpreters",
        description="Partners, lawmakers and neighbours talk about what immigration reform "
        "would mean for Minnesota's families and businesses.",
        asks="Cut the visa backlogs\nFund counsel for people who cannot pay",
        principles=principles,
    )
    senator = (
        Lawmaker.objects.serving()
        .filter(level=Level.FEDERAL, chamber=Chamber.UPPER, state="MN")
        .first()
    )
    if senator is not None:
        guest_add(
            event=event,
            data=GuestData(
                kind=GuestKind.DISTINGUISHED, role=GuestRole.LAWMAKER, lawmaker=senator
            ),
        )
    for number, (first, last, title, organisation, kind, role) in enumerate(GUESTS):
        guest_add(
            event=event,
            data=GuestData(
                kind=kind,
                first_name=first,
                last_name=last,
                title=title,
                organisation=organisation,
                email=f"guest{number}@example.org",
                role=role,
            ),
        )
    return event

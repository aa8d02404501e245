"""Writes for the planner's inputs: rules, targets, who knows whom, and the district question."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Registration
from events.services import EventError, event_update
from lawmakers.models import Committee, CommitteeSeat, Lawmaker, serving_q
from members.models import User
from outbox.models import Email
from outbox.services import email_queue
from planner.errors import PlanError
from planner.models import Acquaintance, PlanRules, Target, TargetPriority

EVENT_RULE_FIELDS = (
    "default_meeting_minutes",
    "gap_same_building_minutes",
    "gap_same_side_minutes",
    "gap_across_sides_minutes",
)


@transaction.atomic
def rules_save(
    *,
    event: Event,
    team_min: int,
    team_max: int,
    max_meetings_per_person: int,
    lunch_starts: datetime.time | None,
    lunch_ends: datetime.time | None,
    **event_fields,
) -> PlanRules:
    """The planner's rules, and the event's own meeting length and walking gaps, together."""
    if set(event_fields) - set(EVENT_RULE_FIELDS):
        raise TypeError(
            f"Unknown rule fields: {sorted(set(event_fields) - set(EVENT_RULE_FIELDS))}"
        )
    if not 1 <= team_min <= team_max:
        raise PlanError(
            "A team needs at least one person, and its largest size at least its smallest."
        )
    if max_meetings_per_person < 1:
        raise PlanError("Each person needs room for at least one meeting.")
    if bool(lunch_starts) != bool(lunch_ends):
        raise PlanError("Give the lunch window both a start and an end, or neither.")
    if lunch_starts and lunch_ends and lunch_ends <= lunch_starts:
        raise PlanError("Lunch must end after it starts.")
    try:
        event_update(event=event, **event_fields)
    except EventError as error:
        raise PlanError(str(error)) from None
    rules, _ = PlanRules.objects.select_for_update().get_or_create(event=event)
    rules.team_min, rules.team_max = team_min, team_max
    rules.max_meetings_per_person = max_meetings_per_person
    rules.lunch_starts, rules.lunch_ends = lunch_starts, lunch_ends
    rules.save()
    return rules


def _set_target(event: Event, lawmaker: Lawmaker, priority: str, reason: str, by: User) -> Target:
    if priority not in TargetPriority.values:
        raise PlanError("Choose must, should, nice to have or leave out.")
    target, _ = Target.objects.update_or_create(
        event=event,
        lawmaker=lawmaker,
        defaults={"priority": priority, "reason": reason[:300], "added_by": by},
    )
    return target


@transaction.atomic
def target_set(*, event: Event, lawmaker: Lawmaker, priority: str, by: User) -> Target:
    """Add one office to cover, or change an office's priority (leave out included)."""
    return _set_target(event, lawmaker, priority, "chosen by staff", by)


@transaction.atomic
def targets_add_from_committees(
    *, event: Event, committees: list[Committee], priority: str, by: User
) -> int:
    """Every serving member of these committees (a subcommittee seat counts for its committee)."""
    if not committees:
        raise PlanError("Choose at least one committee.")
    ids = [committee.pk for committee in committees]
    seats = (
        CommitteeSeat.objects.filter(Q(committee_id__in=ids) | Q(committee__parent_id__in=ids))
        .filter(serving_q(through="lawmaker"))
        .select_related("lawmaker", "committee", "committee__parent")
        .order_by("lawmaker_id")
    )
    reasons: dict[int, tuple[Lawmaker, set[str]]] = {}
    for seat in seats:
        top = seat.committee.parent or seat.committee
        reasons.setdefault(seat.lawmaker_id, (seat.lawmaker, set()))[1].add(top.name)
    for lawmaker, names in reasons.values():
        _set_target(event, lawmaker, priority, "sits on " + ", ".join(sorted(names)), by)
    return len(reasons)


@transaction.atomic
def target_remove(*, target: Target) -> None:
    target.delete()


@transaction.atomic
def acquaintance_add(*, event: Event, user: User, lawmaker: Lawmaker) -> Acquaintance:
    if not Registration.objects.filter(event=event, user=user).exists():
        raise PlanError(f"Register for {event} first.")
    acquaintance, _ = Acquaintance.objects.get_or_create(event=event, user=user, lawmaker=lawmaker)
    return acquaintance


@transaction.atomic
def acquaintance_remove(*, event: Event, user: User, acquaintance_id: int) -> None:
    Acquaintance.objects.filter(event=event, user=user, pk=acquaintance_id).delete()


def district_question_send(
    *, event: Event, user: User, by: User, missing_home: bool = False
) -> bool:
    """Ask a participant to choose their district, or (`missing_home`) to give their home
    state and ZIP code; once per person and day. True if queued now."""
    today = timezone.localdate()
    key = f"planner.district_question:{event.pk}:{user.pk}:{today:%Y-%m-%d}"
    if Email.objects.filter(key=key).exists():
        return False
    email_queue(
        to=user.email,
        kind="planner.district_question",
        key=key,
        template_prefix="planner/email/district_question",
        context={
            "name": user.first_name or user.full_name or "",
            "event": event.name,
            "date": f"{event.date:%B %-d}",
            "url": settings.SITE_URL.rstrip("/")
            + reverse("profile_edit" if missing_home else "my_lawmakers"),
            "missing_home": missing_home,
        },
        essential=True,
        topic=f"event:{event.pk}",
        about=user,
    )
    return True

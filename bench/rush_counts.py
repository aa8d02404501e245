"""What the database holds after the rush: the invariants, counted.

- oversold: confirmed seats above a meeting's capacity, summed over meetings (must be 0);
  seat_count_drift: meetings whose `seats_taken` differs from their confirmed seats;
- seats_confirmed, waitlisted: the rush members' live seats;
- duplicates: a registration or live seat twice for one person, or a rush member with
  more than one live seat (each member asks for one): a request applied twice;
- acknowledged_missing: sign-ups the client saw succeed (its page said so) with no
  such live seat; committed_unacknowledged: live seats of members whose client saw
  the sign-up fail (the answer was lost after the commit: not lost, not doubled);
- emails_sent, emails_waiting: the rush members' emails due by now (confirmations),
  sent by the worker or still waiting for it (reminders due later are not counted).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Counts:
    oversold: int
    seat_count_drift: int
    seats_confirmed: int
    waitlisted: int
    duplicates: int
    acknowledged_missing: int
    committed_unacknowledged: int
    emails_sent: int
    emails_waiting: int


def count(*, event_slug: str, signups: list[dict], member_emails: list[str]) -> Counts:
    from django.db.models import Count, F, Q
    from django.utils import timezone

    from events.models import Registration
    from meetings.models import Meeting, Seat, SeatStatus
    from outbox.models import Email, EmailState

    meetings = Meeting.objects.filter(event__slug=event_slug).annotate(
        confirmed=Count("seat_set", filter=Q(seat_set__status=SeatStatus.CONFIRMED))
    )
    oversold = sum(max(m.confirmed - m.seats, 0) for m in meetings)
    drift = meetings.exclude(seats_taken=F("confirmed")).count()
    live = Seat.objects.filter(
        meeting__event__slug=event_slug,
        status__in=(SeatStatus.CONFIRMED, SeatStatus.WAITLISTED),
    )
    members = set(member_emails)
    held = {}  # email -> live seats' (meeting id, status)
    for email, meeting_id, status in live.values_list("user__email", "meeting_id", "status"):
        held.setdefault(email, []).append((meeting_id, status))
    rush_seats = [seat for email, seats in held.items() if email in members for seat in seats]
    registrations = Registration.objects.filter(event__slug=event_slug)
    duplicates = (
        registrations.count()
        - registrations.values("user_id").distinct().count()
        + live.count()
        - live.values("meeting_id", "user_id").distinct().count()
        + sum(1 for email, seats in held.items() if email in members and len(seats) > 1)
    )
    acknowledged = [s for s in signups if "meeting_id" in s]
    missing = sum(
        1
        for s in acknowledged
        if s["meeting_id"] not in {meeting_id for meeting_id, _ in held.get(s["email"], [])}
    )
    failed = {s["email"] for s in signups if "meeting_id" not in s}
    emails = Email.objects.filter(to__in=member_emails, send_after__lte=timezone.now())
    return Counts(
        oversold=oversold,
        seat_count_drift=drift,
        seats_confirmed=sum(1 for _, status in rush_seats if status == SeatStatus.CONFIRMED),
        waitlisted=sum(1 for _, status in rush_seats if status == SeatStatus.WAITLISTED),
        duplicates=duplicates,
        acknowledged_missing=missing,
        committed_unacknowledged=sum(1 for email in failed if email in held),
        emails_sent=emails.filter(state=EmailState.SENT).count(),
        emails_waiting=emails.filter(state__in=(EmailState.QUEUED, EmailState.SENDING)).count(),
    )

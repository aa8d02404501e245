"""What meetings do when an app below them says something happened."""

from django.dispatch import receiver

from events.signals import registration_cancelled
from meetings.models import Seat, SeatStatus
from meetings.seats import seat_cancel


@receiver(registration_cancelled)
def give_up_seats_of_withdrawn_person(sender, *, event, user, **kwargs):
    live = Seat.objects.filter(
        meeting__event=event,
        user=user,
        status__in=(SeatStatus.CONFIRMED, SeatStatus.WAITLISTED),
    )
    for seat in live:
        seat_cancel(seat=seat, by_leader=True)

"""What meetings do when an app below them says something happened."""

from django.dispatch import receiver

from events.signals import registration_cancelled
from lawmakers.signals import lawmakers_departed, office_moved
from meetings.departures import departure_notices_queue
from meetings.models import Seat, SeatStatus
from meetings.seats import seat_cancel
from meetings.services import meetings_follow_office_moves


@receiver(registration_cancelled)
def give_up_seats_of_withdrawn_person(sender, *, event, user, **kwargs):
    live = Seat.objects.filter(
        meeting__event=event,
        user=user,
        status__in=(SeatStatus.CONFIRMED, SeatStatus.WAITLISTED),
    )
    for seat in live:
        seat_cancel(seat=seat, by_leader=True)


@receiver(lawmakers_departed)
def tell_leaders_of_meetings_with_departed_lawmakers(sender, *, lawmaker_ids, **kwargs):
    departure_notices_queue(lawmaker_ids=lawmaker_ids)


@receiver(office_moved)
def move_meetings_with_their_office(sender, *, moves, **kwargs):
    meetings_follow_office_moves(moves=moves)

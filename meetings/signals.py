"""Hooks for the apps above meetings (reminders): sent after the change is committed."""

from django.dispatch import Signal

# Sent with `seat`: a person took a seat (confirmed or on the waitlist).
seat_taken = Signal()
# Sent with `seat`: a waitlisted person got a confirmed seat.
seat_promoted = Signal()
# Sent with `meeting` and `fields`: a meeting moved, changed room, or was cancelled.
meeting_changed = Signal()
# Sent with `event` and `user_ids`: many people's meetings changed together (a plan was
# accepted); each person hears once, with their whole day, instead of once per seat.
days_changed = Signal()

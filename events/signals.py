"""Hooks for the apps above events: sent after the change is committed."""

from django.dispatch import Signal

# Sent with `registration`: a person registered for the event.
registration_created = Signal()
# Sent with `event` and `user`: the person withdrew from the event.
registration_cancelled = Signal()

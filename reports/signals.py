"""Hooks for the apps above reports (follow-up): sent after the change is committed."""

from django.dispatch import Signal

# Sent with `report`: a meeting report was filed for the first time.
report_filed = Signal()

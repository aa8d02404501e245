from django.apps import AppConfig


class PlannerConfig(AppConfig):
    """The Hill-day planner: teams and itineraries solved by an optimiser, reviewed by people."""

    name = "planner"
    verbose_name = "Planner"

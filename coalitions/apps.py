from django.apps import AppConfig


class CoalitionsConfig(AppConfig):
    name = "coalitions"
    verbose_name = "Coalition events"

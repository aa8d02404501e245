from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Domain-free helpers every app may use; imports none of our apps."""

    name = "common"
    verbose_name = "Shared helpers"

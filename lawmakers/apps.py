from django.apps import AppConfig


class LawmakersConfig(AppConfig):
    name = "lawmakers"
    verbose_name = "Lawmakers"

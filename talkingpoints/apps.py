from django.apps import AppConfig


class TalkingPointsConfig(AppConfig):
    name = "talkingpoints"
    verbose_name = "Talking points"

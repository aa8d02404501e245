from django.apps import AppConfig


class PressConfig(AppConfig):
    name = "press"
    verbose_name = "Public pages, press and social media"

    def ready(self):
        from outbox import composers
        from press.models import RELEASE_EMAIL_KIND
        from press.releases import compose_release

        composers.register(RELEASE_EMAIL_KIND, compose_release)

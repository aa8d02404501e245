from django.apps import AppConfig


class PressConfig(AppConfig):
    name = "press"
    verbose_name = "Public pages, press and social media"

    def ready(self):
        from outbox import composers
        from press.releases import EMAIL_KIND, compose_release

        composers.register(EMAIL_KIND, compose_release)

from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = "Reminders and follow-up"

    def ready(self):
        from followup import composers, receivers  # noqa: F401  (connects the receivers)

        composers.register_all()

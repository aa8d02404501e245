from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = "Reminders and follow-up"

    def ready(self):
        from followup import composers, outbox_labels, receivers  # noqa: F401  (receivers)

        composers.register_all()
        outbox_labels.register_all()

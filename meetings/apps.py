from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from meetings import outbox_labels, receivers  # noqa: F401  (connects the signal receivers)

        outbox_labels.register_all()

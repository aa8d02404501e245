from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "actions"
    verbose_name = "Action centre: letters and calls to lawmakers"

    def ready(self):
        from actions import outbox_labels  # noqa: F401 - registers the words for its emails

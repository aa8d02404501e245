from django.apps import AppConfig


class CoalitionsConfig(AppConfig):
    name = "coalitions"
    verbose_name = "Coalition events"

    def ready(self):
        from coalitions import outbox_labels

        outbox_labels.register_all()

from django.apps import AppConfig


class ChaptersConfig(AppConfig):
    name = "chapters"
    verbose_name = "Chapters"

    def ready(self):
        from chapters import outbox_labels

        outbox_labels.register_all()

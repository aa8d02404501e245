from django.apps import AppConfig


class JoiningConfig(AppConfig):
    name = "joining"
    verbose_name = "Find your chapter and join it"

    def ready(self):
        from outbox import labels

        labels.register_kind("joining.request", "Request to join a chapter")
        labels.register_kind("joining.answer", "Answer to a join request")
        labels.register_kind("joining.at_large", "New member at large")

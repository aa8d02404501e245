from django.apps import AppConfig


class TrainingsConfig(AppConfig):
    name = "trainings"
    verbose_name = "Trainings, webinars and briefings"

    def ready(self):
        from trainings import mailing, outbox_labels

        mailing.register_all()
        outbox_labels.register_all()

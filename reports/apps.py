from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Meeting reports"

    def ready(self):
        from reports.briefing_history import filed_report_outcomes
        from talkingpoints import history

        history.register_outcomes(filed_report_outcomes)

from django.apps import AppConfig


class OfficeRequestsConfig(AppConfig):
    name = "officerequests"
    verbose_name = "Meeting requests to offices"

    def ready(self):
        from officerequests import panels
        from talkingpoints import office_panels

        office_panels.register(panels.briefing_contacts_panel)

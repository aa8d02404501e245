from django.urls import path

from officerequests import contact_views

app_name = "officerequests"

urlpatterns = [
    path("lawmakers/<path:public_id>/contacts/", contact_views.contact_list, name="contacts"),
    path(
        "lawmakers/<path:public_id>/contacts/from-report/",
        contact_views.contact_from_report,
        name="contact_from_report",
    ),
    path("contacts/<int:contact_id>/", contact_views.contact_edit, name="contact_edit"),
    path("contacts/<int:contact_id>/remove/", contact_views.contact_delete, name="contact_delete"),
]

from django.urls import path

from officerequests import contact_views, public_views, views

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

urlpatterns += [
    path("letters/national/", views.national_template, name="national_template"),
    path("letters/<slug:chapter_slug>/", views.chapter_template, name="chapter_template"),
    path("events/<slug:event_slug>/<slug:chapter_slug>/", views.request_list, name="requests"),
    path(
        "events/<slug:event_slug>/<slug:chapter_slug>/send/",
        views.request_send_all,
        name="send_all",
    ),
    path(
        "events/<slug:event_slug>/<slug:chapter_slug>/offices/<int:lawmaker_id>/",
        views.office_request,
        name="office",
    ),
    path(
        "events/<slug:event_slug>/<slug:chapter_slug>/offices/<int:lawmaker_id>/send/",
        views.office_request_send,
        name="office_send",
    ),
]

urlpatterns += [
    path("reply/<str:token>/", public_views.reply, name="reply"),
    path("meetings/<int:meeting_id>/reply/", views.reply_for_office, name="reply_for_office"),
]

from django.urls import path

from talkingpoints import briefing_views, staff_views

app_name = "talkingpoints"
urlpatterns = [
    # staff_views.py: the national asks of a Day of Action
    path("events/<slug:event_slug>/asks/", staff_views.ask_list, name="ask_list"),
    path("events/<slug:event_slug>/asks/new/", staff_views.ask_create, name="ask_create"),
    path("asks/<int:ask_id>/", staff_views.ask_detail, name="ask_detail"),
    path("asks/<int:ask_id>/edit/", staff_views.ask_edit, name="ask_edit"),
    path("asks/<int:ask_id>/move/", staff_views.ask_move, name="ask_move"),
    path("asks/<int:ask_id>/delete/", staff_views.ask_delete, name="ask_delete"),
    path(
        "asks/<int:ask_id>/leave-behinds/",
        staff_views.leave_behind_upload,
        name="leave_behind_upload",
    ),
    path(
        "leave-behinds/<int:leave_behind_id>/delete/",
        staff_views.leave_behind_delete,
        name="leave_behind_delete",
    ),
    # briefing_views.py: briefings, packets, chapter notes, ask leads, files
    path("meetings/<int:meeting_id>/briefing/", briefing_views.briefing, name="briefing"),
    path("meetings/<int:meeting_id>/notes/", briefing_views.note_add, name="note_add"),
    path("notes/<int:note_id>/delete/", briefing_views.note_delete, name="note_delete"),
    path("meetings/<int:meeting_id>/ask-leads/", briefing_views.ask_leads, name="ask_leads"),
    path("events/<slug:event_slug>/packet/", briefing_views.packet, name="packet"),
    path(
        "leave-behinds/<int:leave_behind_id>/",
        briefing_views.leave_behind_file,
        name="leave_behind_file",
    ),
]

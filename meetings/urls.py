from django.urls import path

from meetings import calendar_views, leader_views, member_views

app_name = "meetings"
urlpatterns: list = [
    # leader_views.py: board, meeting create/edit/status/history, seats management
    path(
        "events/<slug:event_slug>/chapters/<slug:chapter_slug>/board/",
        leader_views.board,
        name="board",
    ),
    path(
        "events/<slug:event_slug>/chapters/<slug:chapter_slug>/meetings/new/",
        leader_views.meeting_create,
        name="meeting_create",
    ),
    path("meetings/<int:meeting_id>/manage/", leader_views.meeting_manage, name="meeting_manage"),
    path("meetings/<int:meeting_id>/manage/edit/", leader_views.meeting_edit, name="meeting_edit"),
    path(
        "meetings/<int:meeting_id>/manage/status/",
        leader_views.meeting_status,
        name="meeting_status",
    ),
    path(
        "meetings/<int:meeting_id>/manage/seats/",
        leader_views.meeting_capacity,
        name="meeting_capacity",
    ),
    path(
        "meetings/<int:meeting_id>/manage/roles/", leader_views.meeting_roles, name="meeting_roles"
    ),
    path("meetings/<int:meeting_id>/manage/people/", leader_views.seat_add, name="seat_add"),
    path(
        "meetings/<int:meeting_id>/manage/people/<int:seat_id>/remove/",
        leader_views.seat_remove,
        name="seat_remove",
    ),
    path(
        "meetings/<int:meeting_id>/manage/people/<int:seat_id>/move/",
        leader_views.seat_move,
        name="seat_move",
    ),
    # member_views.py: meetings open to a member, take/leave a seat, itinerary
    path("events/<slug:event_slug>/meetings/", member_views.meetings_open, name="open"),
    path("meetings/<int:meeting_id>/seat/", member_views.take_seat, name="take_seat"),
    path("seats/<int:seat_id>/leave/", member_views.leave_seat, name="leave_seat"),
    path(
        "seats/<int:seat_id>/leave/confirm/",
        member_views.leave_seat_confirm,
        name="leave_seat_confirm",
    ),
    path("events/<slug:event_slug>/itinerary/", member_views.itinerary, name="itinerary"),
    # calendar_views.py: ICS feed by secret token, download, revoke
    path("calendar/my-meetings.ics", calendar_views.calendar_download, name="calendar_download"),
    path("calendar/revoke/", calendar_views.calendar_revoke, name="calendar_revoke"),
    path("calendar/<str:token>.ics", calendar_views.calendar_feed, name="calendar_feed"),
]

from django.urls import path

from meetings import calendar_views, member_views

app_name = "meetings"
urlpatterns: list = [
    # leader_views.py: board, meeting create/edit/status/history, seats management
    # member_views.py: meetings open to a member, take/leave a seat, itinerary
    path("events/<slug:event_slug>/meetings/", member_views.meetings_open, name="open"),
    path("meetings/<int:meeting_id>/seat/", member_views.take_seat, name="take_seat"),
    path("seats/<int:seat_id>/leave/", member_views.leave_seat, name="leave_seat"),
    path("events/<slug:event_slug>/itinerary/", member_views.itinerary, name="itinerary"),
    # calendar_views.py: ICS feed by secret token, download, revoke
    path("calendar/my-meetings.ics", calendar_views.calendar_download, name="calendar_download"),
    path("calendar/revoke/", calendar_views.calendar_revoke, name="calendar_revoke"),
    path("calendar/<str:token>.ics", calendar_views.calendar_feed, name="calendar_feed"),
]


app_name = "meetings"
urlpatterns: list = [
    # leader_views.py: board, meeting create/edit/status/history, seats management
    # member_views.py: meetings open to a member, take/leave a seat, itinerary
    # calendar_views.py: ICS feed by secret token, download, revoke
]

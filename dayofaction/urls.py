from django.contrib import admin
from django.urls import include, path

from chapters.invitation_views import invitation_respond
from dayofaction import views

admin.site.site_header = "Day of Action administration"
admin.site.site_title = "Day of Action admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("members.urls")),
    path("chapters/", include("chapters.urls")),
    path("lawmakers/", include("lawmakers.urls")),
    path("events/", include("events.urls")),
    path("talking-points/", include("talkingpoints.urls")),
    path("reports/", include("reports.urls")),
    path("outbox/", include("outbox.urls")),
    path("follow-up/", include("followup.urls")),
    path("coalitions/", include("coalitions.urls")),
    path("planner/", include("planner.urls")),
    path("office-requests/", include("officerequests.urls")),
    path("actions/", include("actions.urls")),
    path("press/", include("press.urls")),
    path("trainings/", include("trainings.urls")),
    path("find-your-chapter/", include("joining.urls")),
    path("", include("meetings.urls")),
    path("invitations/<str:token>/", invitation_respond, name="invitation_respond"),
    path("admin/", admin.site.urls),
]

handler400 = "dayofaction.views.bad_request"
handler403 = "dayofaction.views.permission_denied"
handler404 = "dayofaction.views.page_not_found"
handler500 = "dayofaction.views.server_error"

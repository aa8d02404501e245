from django.urls import path

from lawmakers import campus_views, views

app_name = "lawmakers"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("campuses/", campus_views.campus_list, name="campuses"),
    path("campuses/<slug:key>/", campus_views.campus_edit, name="campus"),
    # Open States ids contain a slash (ocd-person/<uuid>).
    path("<path:public_id>/", views.lawmaker_detail, name="detail"),
]

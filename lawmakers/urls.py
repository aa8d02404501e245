from django.urls import path

from lawmakers import views

app_name = "lawmakers"
urlpatterns = [
    path("", views.directory, name="directory"),
    # Open States ids contain a slash (ocd-person/<uuid>).
    path("<path:public_id>/", views.lawmaker_detail, name="detail"),
]

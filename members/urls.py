from django.urls import path

from members import lawmaker_views, views

urlpatterns = [
    path("", views.profile_detail, name="profile"),
    path("edit/", views.profile_edit, name="profile_edit"),
    path("lawmakers/", lawmaker_views.my_lawmakers, name="my_lawmakers"),
    path("lawmakers/districts/", lawmaker_views.choose_districts, name="choose_districts"),
]

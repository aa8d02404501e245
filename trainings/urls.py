from django.urls import path

from trainings import views

app_name = "trainings"

urlpatterns = [
    path("", views.session_list, name="list"),
    path("new/", views.session_create, name="create"),
    path("<int:pk>/", views.session_detail, name="detail"),
    path("<int:pk>/edit/", views.session_edit, name="edit"),
    path("<int:pk>/sign-up/", views.signup_take, name="signup"),
    path("<int:pk>/cancel/", views.signup_cancel, name="cancel"),
    path("<int:pk>/check-in/", views.check_in, name="check_in"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/certificate/", views.certificate, name="certificate"),
    path("events/<slug:slug>/checklist/", views.checklist, name="checklist"),
    path("events/<slug:slug>/mentors/", views.mentors, name="mentors"),
    path("events/<slug:slug>/mentees/", views.mentees, name="mentees"),
]

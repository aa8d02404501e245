from django.urls import path

from followup import views

app_name = "followup"
urlpatterns = [
    path("preferences/", views.preferences, name="preferences"),
    path("seat/<str:token>/", views.seat_answer, name="seat_answer"),
    path("thank-you/", views.thank_you_list, name="thank_you_list"),
    path("thank-you/<int:meeting_id>/", views.thank_you_edit, name="thank_you"),
    path("letters/thank-you/", views.letter_template_edit, name="letter_template"),
    path("events/<slug:slug>/reminders/", views.reminder_settings_edit, name="reminder_settings"),
    path("events/<slug:slug>/feedback/", views.feedback, name="feedback"),
]

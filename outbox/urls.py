from django.urls import path

from outbox import views

app_name = "outbox"
urlpatterns = [
    path("", views.outbox_list, name="list"),
    path("<int:pk>/", views.email_detail, name="detail"),
    path("<int:pk>/retry/", views.email_retry_view, name="retry"),
    path("retry-failed/", views.emails_retry_failed_view, name="retry_failed"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

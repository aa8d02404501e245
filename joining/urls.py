from django.urls import path

from joining import views

app_name = "joining"

urlpatterns = [
    path("", views.find, name="find"),
    path("at-large/", views.at_large, name="at_large"),
    path("chapters/<slug:slug>/", views.ask, name="ask"),
    path("chapters/<slug:slug>/requests/", views.requests, name="requests"),
    path("chapters/<slug:slug>/requests/<int:pk>/", views.decide, name="decide"),
]

from django.urls import path

from planner import input_views, views

app_name = "planner"
urlpatterns = [
    path("events/<slug:event_slug>/", views.plan, name="plan"),
    path("events/<slug:event_slug>/run/", views.run_start, name="run_start"),
    path("runs/<int:run_id>/status/", views.run_status, name="run_status"),
    path("runs/<int:run_id>/accept/", views.run_accept, name="run_accept"),
    path(
        "acceptances/<int:acceptance_id>/status/",
        views.acceptance_status,
        name="acceptance_status",
    ),
    path("events/<slug:event_slug>/rules/", input_views.rules_save, name="rules"),
    path("events/<slug:event_slug>/targets/", input_views.target_add, name="target_add"),
    path(
        "events/<slug:event_slug>/targets/committees/",
        input_views.targets_from_committees,
        name="targets_from_committees",
    ),
    path(
        "events/<slug:event_slug>/targets/<int:lawmaker_id>/",
        input_views.target_priority,
        name="target_priority",
    ),
    path(
        "events/<slug:event_slug>/district-question/<int:user_id>/",
        input_views.district_question,
        name="district_question",
    ),
    path(
        "events/<slug:event_slug>/offices-i-know/",
        input_views.acquaintances,
        name="acquaintances",
    ),
    path(
        "events/<slug:event_slug>/offices-i-know/<int:acquaintance_id>/remove/",
        input_views.acquaintance_remove,
        name="acquaintance_remove",
    ),
]

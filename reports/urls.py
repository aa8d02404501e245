from django.urls import path

from reports import dashboard_views, export_views, report_views

app_name = "reports"
urlpatterns: list = [
    path("", report_views.my_reports, name="mine"),
    path("meetings/<int:meeting_id>/", report_views.report_edit, name="report"),
    path("events/<slug:event_slug>/", dashboard_views.event_dashboard, name="dashboard"),
    path(
        "events/<slug:event_slug>/chapters/<slug:chapter_slug>/",
        dashboard_views.chapter_dashboard,
        name="chapter_dashboard",
    ),
    path("exports/", export_views.export_form, name="exports"),
    path("exports/jobs/<int:job_id>/", export_views.job_detail, name="export_job"),
    path("exports/jobs/<int:job_id>/status/", export_views.job_status, name="export_job_status"),
    path("exports/jobs/<int:job_id>/download/", export_views.job_download, name="export_download"),
]

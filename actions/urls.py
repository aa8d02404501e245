from django.urls import path

from actions import forget_views, manage_views, public_views

app_name = "actions"

urlpatterns = [
    path("", public_views.campaign_list, name="list"),
    path("mine/", public_views.my_actions, name="mine"),
    path("forget/", forget_views.forget, name="forget"),
    path("forget/<str:token>/", forget_views.forget_confirm, name="forget_confirm"),
    path("manage/", manage_views.campaign_list, name="manage"),
    path("manage/new/", manage_views.campaign_create, name="create"),
    path("manage/<slug:slug>/", manage_views.campaign_dashboard, name="dashboard"),
    path("manage/<slug:slug>/edit/", manage_views.campaign_edit, name="edit"),
    path("manage/<slug:slug>/actions.<str:fmt>", manage_views.campaign_export, name="export"),
    path("<slug:slug>/", public_views.campaign_start, name="start"),
    path("<slug:slug>/lawmakers/", public_views.campaign_act, name="act"),
    path("<slug:slug>/log/", public_views.action_log, name="log"),
    path("<slug:slug>/letters/<int:lawmaker_id>.pdf", public_views.letter_pdf, name="pdf"),
    path("<slug:slug>/letters/<int:lawmaker_id>/email/", public_views.letter_email, name="email"),
]

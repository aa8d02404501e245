from django.urls import path

from chapters import constituent_views, invitation_views, views

app_name = "chapters"
urlpatterns = [
    path("", views.chapter_list, name="list"),
    path("new/", views.chapter_create, name="create"),
    path("<slug:slug>/", views.roster, name="roster"),
    path("<slug:slug>/edit/", views.chapter_edit, name="edit"),
    path("<slug:slug>/lawmakers/", constituent_views.chapter_lawmakers, name="lawmakers"),
    path("<slug:slug>/members/<int:membership_id>/", views.member_detail, name="member"),
    path("<slug:slug>/members/<int:membership_id>/role/", views.member_role, name="member_role"),
    path(
        "<slug:slug>/members/<int:membership_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path("<slug:slug>/invitations/", invitation_views.invitation_list, name="invitations"),
    path(
        "<slug:slug>/invitations/upload/",
        invitation_views.invitation_upload,
        name="invitation_upload",
    ),
    path(
        "<slug:slug>/invitations/<int:invitation_id>/resend/",
        invitation_views.invitation_resend_view,
        name="invitation_resend",
    ),
    path(
        "<slug:slug>/invitations/<int:invitation_id>/revoke/",
        invitation_views.invitation_revoke_view,
        name="invitation_revoke",
    ),
]

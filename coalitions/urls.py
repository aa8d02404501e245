from django.urls import path

from coalitions import event_views, public_views, views

app_name = "coalitions"
urlpatterns = [
    path("", views.home, name="home"),
    path("chapters/<slug:slug>/", views.chapter_overview, name="chapter"),
    path("chapters/<slug:slug>/events/new/", event_views.event_create, name="event_create"),
    path("chapters/<slug:slug>/partners/", views.partner_list, name="partners"),
    path("chapters/<slug:slug>/principles/", views.principles_list, name="principles_list"),
    path("chapters/<slug:slug>/outreach/", views.outreach_list, name="outreach_list"),
    path("chapters/<slug:slug>/templates/", views.template_list, name="templates"),
    path("chapters/<slug:slug>/templates/<str:kind>/", views.template_edit, name="template"),
    path(
        "chapters/<slug:slug>/templates/<str:kind>/reset/",
        views.template_reset,
        name="template_reset",
    ),
    path("partners/<int:partner_id>/", views.partner_detail, name="partner"),
    path("principles/<int:principles_id>/", views.principles_detail, name="principles"),
    path(
        "principles/<int:principles_id>/endorsements.csv",
        views.endorsements_csv,
        name="endorsements_csv",
    ),
    path("outreach/<int:outreach_id>/", views.outreach_detail, name="outreach"),
    path("outreach/<int:outreach_id>/letter/", views.introduction_letter, name="introduction"),
    path("events/<int:event_id>/", event_views.event_detail, name="event"),
    path("events/<int:event_id>/edit/", event_views.event_edit, name="event_edit"),
    path("events/<int:event_id>/invite/", event_views.invite_all, name="invite_all"),
    path(
        "events/<int:event_id>/guests/<int:guest_id>/invite/",
        event_views.invite_guest,
        name="invite_guest",
    ),
    path("events/<int:event_id>/thank/", event_views.thank_officials, name="thank"),
    path(
        "events/<int:event_id>/sign-in/<str:which>/",
        event_views.sign_in_sheet,
        name="sign_in_sheet",
    ),
    path("events/<int:event_id>/check-in/", event_views.check_in_page, name="check_in"),
    path("events/<int:event_id>/check-in/walk-in/", event_views.walk_in, name="walk_in"),
    path(
        "events/<int:event_id>/check-in/<int:guest_id>/",
        event_views.check_in_guest,
        name="check_in_guest",
    ),
    path("events/<int:event_id>/postcards/", event_views.postcard_list, name="postcards"),
    path("events/<int:event_id>/postcards.csv", event_views.postcards_csv, name="postcards_csv"),
    path("rsvp/<str:token>/", public_views.rsvp, name="rsvp"),
    path("act/<str:token>/", public_views.act, name="act"),
    path("act/<str:token>/endorse/", public_views.endorse, name="endorse"),
    path("postcards/<str:token>/", public_views.postcard_done, name="postcard"),
]

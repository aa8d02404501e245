from django.urls import path

from press import contact_views, member_views, public_views, release_views, views

app_name = "press"
urlpatterns = [
    path("", views.kit_home, name="home"),
    path("new/", views.page_create, name="page_create"),
    path("pages/<int:page_id>/", views.page_dashboard, name="page"),
    path("pages/<int:page_id>/edit/", views.page_edit, name="page_edit"),
    path("pages/<int:page_id>/publish/", views.page_publish, name="page_publish"),
    path("pages/<int:page_id>/outreach/", views.outreach_add, name="outreach_add"),
    path("pages/<int:page_id>/clippings/", views.clipping_add, name="clipping_add"),
    path("pages/<int:page_id>/posts/", views.posts_suggest, name="posts_suggest"),
    path("pages/<int:page_id>/sign-in/", views.sign_in_press_add, name="sign_in_press"),
    path("pages/<int:page_id>/releases/<str:kind>/", views.release_start, name="release_start"),
    path("posts/<int:post_id>/", views.post_edit, name="post_edit"),
    path("releases/<int:release_id>/", release_views.release_detail, name="release"),
    path(
        "releases/<int:release_id>/approve/",
        release_views.release_approve,
        name="release_approve",
    ),
    path(
        "releases/<int:release_id>/release.txt",
        release_views.release_plain_text,
        name="release_text",
    ),
    path("releases/<int:release_id>/release.pdf", release_views.release_pdf, name="release_pdf"),
    path("contacts/", contact_views.contact_list, name="contacts"),
    path("contacts/<int:contact_id>/", contact_views.contact_detail, name="contact"),
    path("contacts/<int:contact_id>/remove/", contact_views.contact_remove, name="contact_remove"),
    path("contacts/import/", contact_views.contact_import, name="contacts_import"),
    path("e/<slug:slug>/", public_views.public_page, name="public"),
    path("e/<slug:slug>/calendar.ics", public_views.calendar_file, name="calendar"),
    path("e/<slug:slug>/share.png", public_views.share_image, name="share_image"),
    path(
        "e/<slug:slug>/releases/<int:release_id>/",
        public_views.public_release,
        name="public_release",
    ),
    path("e/<slug:slug>/rsvp/", public_views.rsvp, name="rsvp"),
    path("e/<slug:slug>/contribute/", member_views.contribute, name="contribute"),
    path("e/<slug:slug>/quote/", member_views.quote_give, name="quote_give"),
    path("e/<slug:slug>/available/", member_views.availability_offer, name="available"),
    path(
        "e/<slug:slug>/available/withdraw/",
        member_views.availability_withdraw,
        name="available_withdraw",
    ),
    path("quotes/<int:quote_id>/withdraw/", member_views.quote_withdraw, name="quote_withdraw"),
    path("s/<str:code>/", public_views.short_link, name="short_link"),
    path("meetings/<int:meeting_id>/card/", member_views.card_make, name="card_make"),
    path(
        "meetings/<int:meeting_id>/card/withdraw/",
        member_views.card_withdraw,
        name="card_withdraw",
    ),
    path("cards/<str:code>/", public_views.card_page, name="card"),
    path("cards/<str:code>/share.png", public_views.card_image, name="card_image"),
]

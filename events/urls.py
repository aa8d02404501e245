
app_name = "events"
urlpatterns: list = [
    # events/views.py: list, create, detail, edit, register, unregister
]

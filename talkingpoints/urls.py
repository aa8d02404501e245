app_name = "talkingpoints"
urlpatterns: list = []

app_name = "lawmakers"
urlpatterns = []

from django.contrib import admin

from events.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["name", "date", "level", "state", "status"]
    list_filter = ["level", "status"]
    search_fields = ["name", "theme"]
    prepopulated_fields = {"slug": ["name"]}

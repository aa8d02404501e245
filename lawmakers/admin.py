from django.contrib import admin

from lawmakers.models import (
    Campus,
    CampusBuilding,
    Committee,
    CommitteeSeat,
    DistrictOffice,
    Lawmaker,
)


class DistrictOfficeInline(admin.TabularInline):
    model = DistrictOffice
    extra = 0
    fields = ["city", "address", "suite", "zip_code", "phone"]


class ServingFilter(admin.SimpleListFilter):
    """Serving by the one rule (in the data and the term not ended), not the flag alone."""

    title = "serving"
    parameter_name = "serving"

    def lookups(self, request, model_admin):
        return [("yes", "Serving"), ("no", "No longer serving")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.serving()
        if self.value() == "no":
            return queryset.not_serving()
        return queryset


@admin.register(Lawmaker)
class LawmakerAdmin(admin.ModelAdmin):
    """Imported data: corrections are overwritten by the next import, so change little here."""

    list_display = ["full_name", "level", "state", "chamber", "district", "party", "serving"]
    list_filter = ["level", "chamber", ServingFilter, "state"]
    search_fields = ["full_name", "last_name", "public_id"]
    inlines = [DistrictOfficeInline]

    @admin.display(boolean=True, description="serving")
    def serving(self, lawmaker):
        return lawmaker.in_office


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "parent", "is_current"]
    list_filter = ["kind", "is_current"]
    search_fields = ["name", "code"]
    list_select_related = ["parent"]


@admin.register(CommitteeSeat)
class CommitteeSeatAdmin(admin.ModelAdmin):
    list_display = ["lawmaker", "committee", "side", "rank", "title"]
    search_fields = ["lawmaker__full_name", "committee__name", "committee__code"]
    list_select_related = ["lawmaker", "committee", "committee__parent"]
    raw_id_fields = ["lawmaker", "committee"]


class CampusBuildingInline(admin.TabularInline):
    model = CampusBuilding
    extra = 0
    fields = ["code", "name", "group", "position"]


@admin.register(Campus)
class CampusAdmin(admin.ModelAdmin):
    """Staff edit walking minutes on the campus pages (/lawmakers/campuses/)."""

    list_display = ["name", "level", "state"]
    inlines = [CampusBuildingInline]

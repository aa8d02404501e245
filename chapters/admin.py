from django.contrib import admin

from chapters.models import Chapter, ChapterDistrict, ChapterState, Invitation, Membership


class ChapterStateInline(admin.TabularInline):
    model = ChapterState
    extra = 1


class ChapterDistrictInline(admin.TabularInline):
    """Where a state has several chapters: the congressional districts this one serves."""

    model = ChapterDistrict
    extra = 1


@admin.register(Chapter)
class ChapterAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ChapterStateInline, ChapterDistrictInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "chapter", "role", "joined_at"]
    list_filter = ["role", "chapter"]
    search_fields = ["user__email", "user__last_name", "chapter__name"]
    list_select_related = ["user", "chapter"]
    autocomplete_fields = ["user", "chapter"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "chapter", "role", "status", "last_sent_at", "expires_at"]
    list_filter = ["status", "role", "chapter"]
    search_fields = ["email", "last_name"]
    list_select_related = ["chapter"]
    exclude = ["token_hash"]
    readonly_fields = ["opened_at", "accepted_at", "accepted_by", "revoked_at", "times_sent"]

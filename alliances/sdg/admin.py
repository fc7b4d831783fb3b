from django.contrib import admin

from alliances.sdg.models import Goal, Target


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = ["code", "title_fr", "title_en"]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["number", "short_fr", "short_en"]
    search_fields = ["short_fr", "short_en", "title_fr", "title_en"]
    inlines = [TargetInline]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["code", "goal", "title_fr"]
    list_filter = ["goal"]
    search_fields = ["code", "title_fr", "title_en"]

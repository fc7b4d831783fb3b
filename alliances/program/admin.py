from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from alliances.program.models import (
    Dimension,
    Indicator,
    IndicatorValue,
    Measure,
    Milestone,
    Objective,
    Programme,
    ProgrammeInstance,
    ProgressUpdate,
    Report,
    StakeholderGroup,
)


class DimensionInline(admin.TabularInline):
    model = Dimension
    extra = 0


class InstanceInline(admin.TabularInline):
    model = ProgrammeInstance
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "slug", "start_date", "is_demo"]
    filter_horizontal = ["co_pilots"]
    inlines = [DimensionInline, InstanceInline]
    prepopulated_fields = {"slug": ["title_fr"]}


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "programme", "effect_from_months", "effect_to_months"]
    list_filter = ["programme"]


@admin.register(Objective, StakeholderGroup)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "code", "programme"]
    list_filter = ["programme"]


@admin.register(ProgrammeInstance)
class ProgrammeInstanceAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "kind", "date", "programme"]
    list_filter = ["programme", "kind"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0
    fields = ["external_id", "kind", "title", "due_date", "done_date", "weight"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["external_id", "name", "unit", "baseline_value", "target_value", "target_date"]
    show_change_link = True


@admin.register(Measure)
class MeasureAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title_fr", "dimension", "status", "attainment", "weight"]
    list_filter = ["programme", "dimension", "status", "attainment"]
    search_fields = ["code", "title_fr", "title_en"]
    filter_horizontal = ["pilots", "objectives", "stakeholder_groups", "depends_on"]
    inlines = [MilestoneInline, IndicatorInline]

    def save_model(self, request, obj, form, change):
        # Admin edits count as a new version, so open edit forms elsewhere cannot overwrite them.
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


@admin.register(Milestone)
class MilestoneAdmin(SimpleHistoryAdmin):
    list_display = ["title", "measure", "kind", "due_date", "done_date"]
    list_filter = ["measure__programme", "kind"]
    search_fields = ["title", "external_id"]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "measure", "baseline_value", "target_value", "status_override"]
    list_filter = ["measure__programme"]
    search_fields = ["name", "external_id"]
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "date", "value", "source"]
    list_filter = ["indicator__measure__programme"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    list_display = ["measure", "date", "status", "author"]
    list_filter = ["measure__programme", "status"]
    raw_id_fields = ["author"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["programme", "as_of", "instance", "created_by", "created_at"]
    list_filter = ["programme"]
    readonly_fields = ["snapshot"]

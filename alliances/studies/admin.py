from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from alliances.studies.models import (
    AnswerOption,
    Margin,
    MarginTarget,
    PublishedEstimate,
    Question,
    Respondent,
    Study,
    Wave,
    WeightingRun,
)


class WaveInline(admin.TabularInline):
    model = Wave
    extra = 0
    fields = ["number", "label", "fieldwork_start", "fieldwork_end", "sample_size"]


@admin.register(Study)
class StudyAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "organisation", "published_on", "status", "is_demo"]
    list_filter = ["status", "mode", "is_demo"]
    search_fields = ["title_fr", "title_en", "organisation"]
    prepopulated_fields = {"slug": ["title_fr"]}
    inlines = [WaveInline]


@admin.register(Wave)
class WaveAdmin(admin.ModelAdmin):
    list_display = ["study", "number", "label", "sample_size"]
    list_filter = ["study"]


class AnswerOptionInline(admin.TabularInline):
    model = AnswerOption
    extra = 0
    fields = ["position", "code", "label_fr", "label_en"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["variable", "study", "kind", "text_fr", "is_published"]
    list_filter = ["study", "kind", "is_published"]
    search_fields = ["variable", "text_fr", "text_en"]
    inlines = [AnswerOptionInline]


@admin.register(AnswerOption)
class AnswerOptionAdmin(admin.ModelAdmin):
    list_display = ["question", "code", "label_fr"]
    list_filter = ["question__study"]
    search_fields = ["code", "label_fr", "label_en"]


@admin.register(Respondent)
class RespondentAdmin(admin.ModelAdmin):
    list_display = ["respondent_id", "wave", "weight"]
    list_filter = ["wave__study", "wave"]
    search_fields = ["respondent_id"]
    list_select_related = ["wave__study"]
    show_full_result_count = False


class MarginTargetInline(admin.TabularInline):
    model = MarginTarget
    extra = 0
    fields = ["code", "share"]


@admin.register(Margin)
class MarginAdmin(admin.ModelAdmin):
    list_display = ["variable", "wave", "source"]
    list_filter = ["wave__study"]
    inlines = [MarginTargetInline]


@admin.register(MarginTarget)
class MarginTargetAdmin(admin.ModelAdmin):
    list_display = ["margin", "code", "share"]
    list_filter = ["margin__wave__study"]


@admin.register(WeightingRun)
class WeightingRunAdmin(admin.ModelAdmin):
    list_display = [
        "wave",
        "created_at",
        "converged",
        "iterations",
        "design_effect",
        "effective_sample_size",
        "is_current",
    ]
    list_filter = ["wave__study", "converged", "is_current"]
    readonly_fields = [field.name for field in WeightingRun._meta.fields]

    def has_add_permission(self, request):
        # A run is the record of a computation: made by `wave_weight`, never typed in.
        return False


@admin.register(PublishedEstimate)
class PublishedEstimateAdmin(admin.ModelAdmin):
    list_display = ["question", "wave", "region", "label_fr", "share", "base", "is_aggregate_only"]
    list_filter = ["is_aggregate_only", "question__study"]
    search_fields = ["label_fr", "source"]
    list_select_related = ["question", "wave__study", "region"]
    fieldsets = [
        (None, {"fields": ["question", "wave", "region", "code", "label_fr", "label_en"]}),
        (_("Result"), {"fields": ["part_of", "position", "share", "ci_low", "ci_high"]}),
        (
            _("Base and source"),
            {
                "fields": [
                    "base",
                    "effective_base",
                    "base_description_fr",
                    "base_description_en",
                    "source",
                    "is_aggregate_only",
                ]
            },
        ),
    ]

from django.contrib import admin

from alliances.kit.models import (
    AlertDelivery,
    Answer,
    Assessment,
    AssessmentScore,
    Axis,
    Bookmark,
    CompassStatistic,
    GuidedPath,
    Option,
    PathStep,
    Question,
    Questionnaire,
    Resource,
    ResourceAudience,
    ResourceAxis,
    ResourceEvent,
    ResourceLink,
    SavedSearch,
    Theme,
)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_fr", "name_en"]


class AudienceInline(admin.TabularInline):
    model = ResourceAudience
    extra = 1


class AxisInline(admin.TabularInline):
    model = ResourceAxis
    extra = 1


class LinkInline(admin.TabularInline):
    model = ResourceLink
    extra = 1


class EventInline(admin.TabularInline):
    model = ResourceEvent
    extra = 0
    can_delete = False
    readonly_fields = ["from_state", "to_state", "by", "at", "note"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    """State changes go through the site's moderation buttons, which record who and when."""

    list_display = ["title", "kind", "maturity", "state", "language", "published_at", "is_demo"]
    list_filter = ["state", "kind", "maturity", "language", "is_demo"]
    search_fields = ["title", "search_text"]
    raw_id_fields = ["territory", "author_organisation", "alliance", "created_by"]
    filter_horizontal = ["goals", "themes"]
    readonly_fields = ["state", "published_at"]
    inlines = [AudienceInline, AxisInline, LinkInline, EventInline]


@admin.register(ResourceAudience, ResourceAxis, ResourceLink, ResourceEvent)
class ResourcePartAdmin(admin.ModelAdmin):
    raw_id_fields = ["resource"]


class StepInline(admin.TabularInline):
    model = PathStep
    extra = 1
    raw_id_fields = ["resource"]


@admin.register(GuidedPath)
class GuidedPathAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "profile", "maturity", "is_published", "is_demo"]
    list_filter = ["profile", "maturity", "is_published", "is_demo"]
    prepopulated_fields = {"slug": ["title_fr"]}
    inlines = [StepInline]
    exclude = ["curated_by"]

    def save_model(self, request, obj, form, change):
        obj.curated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(PathStep)
class PathStepAdmin(admin.ModelAdmin):
    list_display = ["path", "order", "resource"]
    raw_id_fields = ["resource"]


@admin.register(Bookmark, SavedSearch, AlertDelivery)
class EngagementAdmin(admin.ModelAdmin):
    raw_id_fields = ["user"]


class OptionInline(admin.TabularInline):
    model = Option
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """Single or multiple choice; a multiple-choice question may cap its score (`max_score`)."""

    list_display = ["code", "axis", "order", "kind", "text_fr"]
    list_filter = ["axis__questionnaire", "kind"]
    raw_id_fields = ["depends_on"]
    inlines = [OptionInline]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["code", "order", "kind", "max_score", "text_fr", "text_en", "allows_not_applicable"]
    show_change_link = True


@admin.register(Axis)
class AxisAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "questionnaire", "order"]
    inlines = [QuestionInline]


class AxisInlineForQuestionnaire(admin.TabularInline):
    model = Axis
    extra = 0
    show_change_link = True


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["slug", "version", "audience", "is_current"]
    inlines = [AxisInlineForQuestionnaire]


@admin.register(Option)
class OptionAdmin(admin.ModelAdmin):
    list_display = ["question", "order", "label_fr", "score"]


class ScoreInline(admin.TabularInline):
    model = AssessmentScore
    extra = 0
    readonly_fields = ["axis", "score", "maturity"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = [
        "questionnaire",
        "profile",
        "world",
        "overall",
        "maturity",
        "created_at",
        "is_demo",
    ]
    list_filter = ["questionnaire", "profile", "world", "maturity", "is_demo"]
    raw_id_fields = ["user", "organisation", "territory", "alliance"]
    readonly_fields = ["overall", "maturity", "token"]
    inlines = [ScoreInline]


@admin.register(Answer, AssessmentScore)
class AssessmentPartAdmin(admin.ModelAdmin):
    raw_id_fields = ["assessment"]


@admin.register(CompassStatistic)
class CompassStatisticAdmin(admin.ModelAdmin):
    """A read model rebuilt by `refresh_insights`: read only."""

    list_display = ["questionnaire", "territory", "world", "axis", "assessments", "mean"]
    list_filter = ["questionnaire", "world", "axis"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

from django.contrib import admin

from alliances.insights.models import (
    AllianceProfile,
    AllianceReach,
    CatalystReach,
    DiagnosticPayload,
    DiagnosticPerceptions,
    FreshnessCount,
    Indicator,
    IndicatorValue,
    NetworkGraph,
    NetworkNode,
    Refresh,
    TerritoryBreakdown,
    TerritorySummary,
)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fr", "goal", "unit", "direction"]
    list_filter = ["goal", "direction"]
    search_fields = ["code", "name_fr", "name_en"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "territory", "year", "value", "source", "is_demo"]
    list_filter = ["indicator", "year", "is_demo"]
    raw_id_fields = ["territory"]
    list_select_related = ["indicator", "territory"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Derived tables: rebuilt by `alliances refresh_insights`, never edited by hand."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Refresh)
class RefreshAdmin(ReadOnlyAdmin):
    list_display = ["finished_at", "duration_ms", "organisations", "alliances", "summaries"]


@admin.register(TerritorySummary)
class TerritorySummaryAdmin(ReadOnlyAdmin):
    list_display = ["territory", "scope", "population", "actors_active", "alliances"]
    list_filter = ["scope"]
    list_select_related = ["territory"]
    show_full_result_count = False


@admin.register(TerritoryBreakdown)
class TerritoryBreakdownAdmin(ReadOnlyAdmin):
    list_display = ["territory", "metric", "key", "value"]
    list_filter = ["metric"]
    list_select_related = ["territory"]
    show_full_result_count = False


@admin.register(AllianceProfile)
class AllianceProfileAdmin(ReadOnlyAdmin):
    list_display = ["alliance", "members", "worlds", "year"]


@admin.register(AllianceReach)
class AllianceReachAdmin(ReadOnlyAdmin):
    list_display = ["alliance", "territory"]
    list_select_related = ["alliance", "territory"]
    show_full_result_count = False


@admin.register(CatalystReach)
class CatalystReachAdmin(ReadOnlyAdmin):
    list_display = ["catalyst", "territory"]
    list_select_related = ["catalyst", "territory"]


@admin.register(NetworkGraph)
class NetworkGraphAdmin(ReadOnlyAdmin):
    list_display = ["territory", "computed_at", "nodes", "edges", "communities", "duration_ms"]
    list_select_related = ["territory"]


@admin.register(NetworkNode)
class NetworkNodeAdmin(ReadOnlyAdmin):
    list_display = ["graph", "organisation", "degree", "strength", "betweenness", "community"]
    list_select_related = ["graph", "organisation"]
    show_full_result_count = False


@admin.register(FreshnessCount)
class FreshnessCountAdmin(ReadOnlyAdmin):
    list_display = ["territory", "kind", "confirmed", "total"]
    list_filter = ["kind"]
    list_select_related = ["territory"]
    show_full_result_count = False


@admin.register(DiagnosticPayload)
class DiagnosticPayloadAdmin(ReadOnlyAdmin):
    list_display = ["territory", "language", "size"]
    list_filter = ["language"]
    list_select_related = ["territory"]
    show_full_result_count = False


@admin.register(DiagnosticPerceptions)
class DiagnosticPerceptionsAdmin(ReadOnlyAdmin):
    list_display = ["region", "language"]
    list_select_related = ["region"]

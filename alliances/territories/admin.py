from django.contrib import admin

from alliances.territories.models import Territory


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "zone", "population", "departement", "region"]
    list_filter = ["kind", "zone", "epci_type"]
    search_fields = ["code", "name", "search_name"]
    list_select_related = ["departement", "region"]
    raw_id_fields = ["region", "departement", "epci", "commune"]
    readonly_fields = ["search_name"]
    show_full_result_count = False

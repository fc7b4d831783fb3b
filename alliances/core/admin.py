from django.contrib import admin

from alliances.core.models import ReferenceDataset


@admin.register(ReferenceDataset)
class ReferenceDatasetAdmin(admin.ModelAdmin):
    list_display = ["name", "rows", "checksum", "loaded_at"]
    readonly_fields = ["name", "rows", "checksum", "loaded_at"]

    def has_add_permission(self, request):
        return False

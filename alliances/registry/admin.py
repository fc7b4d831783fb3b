from django.contrib import admin

from alliances.registry.models import (
    Alliance,
    Catalyst,
    CorrectionRequest,
    Membership,
    Organisation,
    OrganisationMerge,
    PublicationEvent,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "world", "siren", "rna_id", "commune", "status", "source", "is_demo"]
    list_filter = ["world", "status", "source", "ess", "is_demo", "diffusible"]
    search_fields = ["=siren", "=rna_id", "=siret", "search_name"]
    list_select_related = ["commune"]
    raw_id_fields = ["commune"]
    filter_horizontal = ["goals"]
    readonly_fields = ["search_name", "departement", "imported_at", "source_file"]
    show_full_result_count = False


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    raw_id_fields = ["organisation"]


class PublicationEventInline(admin.TabularInline):
    model = PublicationEvent
    extra = 0
    can_delete = False
    readonly_fields = ["from_state", "to_state", "by", "at", "note"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Alliance)
class AllianceAdmin(admin.ModelAdmin):
    list_display = ["title", "alliance_type", "status", "publication", "inspiring", "is_demo"]
    list_filter = ["publication", "alliance_type", "status", "inspiring", "is_demo"]
    search_fields = ["search_title", "summary"]
    raw_id_fields = ["territories", "targets"]
    filter_horizontal = ["goals"]
    readonly_fields = ["published_at"]
    inlines = [MembershipInline, PublicationEventInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["alliance", "organisation", "role"]
    list_filter = ["role"]
    raw_id_fields = ["alliance", "organisation"]
    list_select_related = ["alliance", "organisation"]


@admin.register(PublicationEvent)
class PublicationEventAdmin(admin.ModelAdmin):
    list_display = ["alliance", "from_state", "to_state", "by", "at"]
    list_filter = ["to_state"]
    list_select_related = ["alliance", "by"]
    readonly_fields = ["alliance", "from_state", "to_state", "by", "at", "note"]


@admin.register(Catalyst)
class CatalystAdmin(admin.ModelAdmin):
    list_display = ["__str__", "is_active", "is_demo"]
    list_filter = ["is_active", "is_demo"]
    search_fields = ["person_name", "organisation__search_name"]
    raw_id_fields = ["organisation", "territories"]
    list_select_related = ["organisation"]


@admin.register(CorrectionRequest)
class CorrectionRequestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created_at", "handled_by"]
    list_filter = ["status"]
    raw_id_fields = ["organisation", "alliance"]
    readonly_fields = ["created_at", "handled_by", "handled_at"]


@admin.register(OrganisationMerge)
class OrganisationMergeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "memberships_moved", "by", "at"]
    readonly_fields = ["kept", "merged_snapshot", "memberships_moved", "by", "at"]

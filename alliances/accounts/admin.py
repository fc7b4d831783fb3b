from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from alliances.accounts.models import (
    ApiToken,
    CatalystAssignment,
    OrganisationMembership,
    User,
)
from alliances.accounts.role_changes import role_change_record

# The user fields that make a role: a change to any of them is audit-logged.
ROLE_FIELDS = ("platform_role", "is_staff", "is_superuser", "is_active")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "display_name",
        "platform_role",
        "is_staff",
        "is_active",
        "is_demo",
        "last_login",
    ]
    list_filter = ["platform_role", "is_staff", "is_superuser", "is_active", "is_demo"]
    search_fields = ["email", "display_name", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["display_name", "first_name", "last_name"]}),
        (
            _("Permissions"),
            {
                "fields": [
                    "is_active",
                    "platform_role",
                    "is_staff",
                    "is_superuser",
                    "is_demo",
                    "groups",
                ]
            },
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]

    def save_model(self, request, obj, form, change):
        before = {}
        if change:
            before = User.objects.filter(pk=obj.pk).values(*ROLE_FIELDS).first() or {}
        super().save_model(request, obj, form, change)
        changed = {
            name: [before.get(name), getattr(obj, name)]
            for name in ROLE_FIELDS
            if change and before.get(name) != getattr(obj, name)
        }
        if changed:
            role_change_record(
                user=obj, by=request.user, request=request, scope="platform", changed=changed
            )


class RoleAdminMixin:
    """Adding, changing or deleting a role row in the admin leaves an audit event."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        role_change_record(
            user=obj.user,
            by=request.user,
            request=request,
            scope=self.audit_scope,
            change="changed" if change else "granted",
            role=str(obj),
        )

    def delete_model(self, request, obj):
        user, label = obj.user, str(obj)
        super().delete_model(request, obj)
        role_change_record(
            user=user,
            by=request.user,
            request=request,
            scope=self.audit_scope,
            change="revoked",
            role=label,
        )

    def delete_queryset(self, request, queryset):
        for obj in queryset.select_related("user"):
            self.delete_model(request, obj)


@admin.register(OrganisationMembership)
class OrganisationMembershipAdmin(RoleAdminMixin, admin.ModelAdmin):
    audit_scope = "organisation"
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "organisation__search_name"]
    raw_id_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]


@admin.register(CatalystAssignment)
class CatalystAssignmentAdmin(RoleAdminMixin, admin.ModelAdmin):
    audit_scope = "catalyst"
    list_display = ["user", "catalyst", "territory", "created_at"]
    search_fields = ["user__email", "catalyst__person_name", "territory__name"]
    raw_id_fields = ["user", "catalyst", "territory"]
    list_select_related = ["user", "catalyst__organisation", "territory"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "scope", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["scope"]
    search_fields = ["name", "prefix", "user__email"]
    readonly_fields = ["user", "prefix", "created_at", "last_used_at"]
    raw_id_fields = ["user"]

    def has_add_permission(self, request):
        # A key is shown once to its owner: tokens are created on the account page only.
        return False

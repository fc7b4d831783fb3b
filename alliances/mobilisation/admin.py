from django.contrib import admin

from alliances.mobilisation.models import (
    ConfirmationReminder,
    Contribution,
    ContributionReport,
    Debate,
    Event,
    EventResource,
    Follow,
    JobRun,
    ModerationLog,
    Notification,
    NotificationSettings,
    Reaction,
    Registration,
    Reminder,
)


class EventResourceInline(admin.TabularInline):
    model = EventResource
    extra = 1


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "kind", "starts_at", "territory", "capacity", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["title_fr", "title_en", "organiser_name"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["territory"]
    filter_horizontal = ["organisers", "measures", "alliances", "goals"]
    inlines = [EventResourceInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Followers of the event's territory (or of one holding it) hear of it, once each.
        from alliances.mobilisation.services.notifications import notify_event

        notify_event(form.instance)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "email", "event__title_fr"]
    raw_id_fields = ["event", "user"]
    readonly_fields = ["status", "promoted_at", "cancelled_at"]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "content_type", "object_id", "author", "visibility", "created_at"]
    list_filter = ["kind", "visibility", "content_type"]
    raw_id_fields = ["author", "parent"]
    # Hiding and restoring go through the moderation page so that they are logged.
    readonly_fields = ["visibility", "hidden_reason"]


@admin.register(ModerationLog)
class ModerationLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "moderator", "action", "contribution"]
    list_filter = ["action"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Debate)
class DebateAdmin(admin.ModelAdmin):
    list_display = ["title", "measure", "opens_at", "closes_at", "concluded_at", "is_demo"]
    list_filter = ["measure__programme", "is_demo"]
    search_fields = ["title", "framing", "conclusion"]
    raw_id_fields = ["measure", "opened_by", "concluded_by"]
    date_hierarchy = "opens_at"


for model in [
    ContributionReport,
    Reaction,
    Follow,
    NotificationSettings,
    Notification,
    Reminder,
    ConfirmationReminder,
]:
    admin.site.register(
        model,
        raw_id_fields=[
            field.name
            for field in model._meta.fields
            if field.many_to_one and field.name != "content_type" and field.name != "cause_type"
        ],
    )


@admin.register(EventResource)
class EventResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "url"]
    raw_id_fields = ["event"]


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ["job", "started_at", "finished_at", "summary"]
    list_filter = ["job"]

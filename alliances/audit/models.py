from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    LOGIN = "login", _("sign-in")
    LOGIN_FAILED = "login_failed", _("failed sign-in")
    LOGOUT = "logout", _("sign-out")
    LOCKOUT = "lockout", _("lock-out")
    PERMISSION_DENIED = "permission_denied", _("permission denied")
    ROLE_CHANGE = "role_change", _("role change")
    IMPORT = "import", _("import")
    EXPORT = "export", _("export")
    MODERATION = "moderation", _("moderation")
    ADMIN_EDIT = "admin_edit", _("administration edit")
    TOKEN = "token", _("API token")
    ACCOUNT_DELETED = "account_deleted", _("account deleted")
    DEBATE = "debate", _("debate opened, closed or concluded")


class AuditEvent(models.Model):
    """Who did what, to which object, when (UTC) and from where. Kept for AUDIT_RETENTION_DAYS."""

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(
        _("actor (as recorded)"),
        max_length=200,
        blank=True,
        help_text=_("Pseudonymised when the account is deleted."),
    )
    action = models.CharField(_("action"), max_length=30, choices=AuditAction.choices)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at"]
        indexes = [models.Index(fields=["action", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.actor_label}"

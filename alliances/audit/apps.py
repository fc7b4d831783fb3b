from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "alliances.audit"
    verbose_name = _("Audit log")

    def ready(self):
        from alliances.audit import receivers  # noqa: F401 — connects the signal receivers

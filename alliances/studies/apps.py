from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudiesConfig(AppConfig):
    name = "alliances.studies"
    verbose_name = _("Studies")
    default_auto_field = "django.db.models.BigAutoField"

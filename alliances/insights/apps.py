from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "alliances.insights"
    verbose_name = _("Territorial observatory")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SdgConfig(AppConfig):
    name = "alliances.sdg"
    verbose_name = _("Sustainable Development Goals")

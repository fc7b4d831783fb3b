from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "alliances.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from alliances.core.links import install_web_url_validator

        install_web_url_validator()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "alliances.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from alliances.core import pagecache_signals
        from alliances.core.links import install_web_url_validator

        install_web_url_validator()

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(pagecache_signals.content_changed, dispatch_uid=f"pagecache-{signal}")

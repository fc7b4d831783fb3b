from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Whose writes change a stored diagnostic outside `refresh_insights` (ADR 0021): survey results
# are stored again after the commit (a few queries); any other change drops the stored
# diagnostics, which the API then computes until the next refresh or indicator import stores
# them again. Bulk writers (indicator import, survey publication, reference loads) store them
# themselves.
SURVEY_MODELS = {"studies.study", "studies.wave", "studies.question", "studies.publishedestimate"}
DIAGNOSTIC_MODELS = {
    "insights.indicator",
    "insights.indicatorvalue",
    "territories.territory",
    "sdg.goal",
}


def stored_diagnostics_changed(sender, **kwargs):
    from alliances.insights.services import diagnostics

    label = getattr(getattr(sender, "_meta", None), "label_lower", None)
    if label in SURVEY_MODELS:
        diagnostics.perceptions_store_after_commit(kwargs.get("using"))
    elif label in DIAGNOSTIC_MODELS:
        diagnostics.diagnostics_drop()


class InsightsConfig(AppConfig):
    name = "alliances.insights"
    verbose_name = _("Territorial observatory")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        for signal in (post_save, post_delete):
            signal.connect(stored_diagnostics_changed, dispatch_uid=f"stored-diagnostics-{signal}")

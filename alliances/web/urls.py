from django.contrib.auth import views as auth_views
from django.urls import path

from alliances.web.views import (
    observatory,
    pages,
    registry,
    registry_forms,
    sdg,
    studies,
    territories,
)
from alliances.web.views.program import dashboard, exchange, measures, reports

app_name = "web"

urlpatterns = [
    path("", pages.home, name="home"),
    path("accessibilite/", pages.accessibility, name="accessibility"),
    path("mentions-legales/", pages.legal_notice, name="legal"),
    path("donnees-personnelles/", pages.privacy, name="privacy"),
    path("territoires/", territories.territory_index, name="territory_index"),
    # Territorial observatory
    path("territoires/carte/", observatory.observatory_map, name="observatory_map"),
    path("territoires/carte.csv", observatory.observatory_map_csv, name="observatory_map_csv"),
    path("territoires/france/diagnostic/", observatory.diagnostic, name="diagnostic_france"),
    path(
        "territoires/france/diagnostic/<slug:slug>.csv",
        observatory.diagnostic_csv,
        name="diagnostic_france_csv",
    ),
    path(
        "territoires/france/diagnostic.pdf",
        observatory.diagnostic_pdf,
        name="diagnostic_france_pdf",
    ),
    path(
        "territoires/<str:kind>/<str:code>/",
        territories.territory_detail,
        name="territory",
    ),
    path(
        "territoires/<str:kind>/<str:code>/diagnostic/",
        observatory.diagnostic,
        name="diagnostic",
    ),
    path(
        "territoires/<str:kind>/<str:code>/diagnostic/<slug:slug>.csv",
        observatory.diagnostic_csv,
        name="diagnostic_csv",
    ),
    path(
        "territoires/<str:kind>/<str:code>/diagnostic.pdf",
        observatory.diagnostic_pdf,
        name="diagnostic_pdf",
    ),
    path("odd/", sdg.goal_index, name="goal_index"),
    path("odd/<int:number>/", sdg.goal_detail, name="goal"),
    path(
        "connexion/",
        auth_views.LoginView.as_view(template_name="web/pages/login.html"),
        name="login",
    ),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    # Roadmap steering
    path("feuille-de-route/", dashboard.programme_list, name="programme_list"),
    path("feuille-de-route/<slug:slug>/", dashboard.programme_dashboard, name="programme"),
    path(
        "feuille-de-route/<slug:slug>/systeme/", dashboard.programme_system, name="programme_system"
    ),
    path(
        "feuille-de-route/<slug:slug>/calendrier/",
        dashboard.programme_timeline,
        name="programme_timeline",
    ),
    path(
        "feuille-de-route/<slug:slug>/mesures/<str:code>/", measures.measure_detail, name="measure"
    ),
    path(
        "feuille-de-route/<slug:slug>/mesures/<str:code>/modifier/",
        measures.measure_edit,
        name="measure_edit",
    ),
    path(
        "feuille-de-route/<slug:slug>/mesures/<str:code>/avancement/",
        measures.progress_update_add,
        name="progress_update_add",
    ),
    path(
        "feuille-de-route/<slug:slug>/mesures/<str:code>/jalons/nouveau/",
        measures.milestone_edit,
        name="milestone_add",
    ),
    path(
        "feuille-de-route/<slug:slug>/mesures/<str:code>/jalons/<int:pk>/",
        measures.milestone_edit,
        name="milestone_edit",
    ),
    path(
        "feuille-de-route/<slug:slug>/indicateurs/<int:pk>/valeur/",
        measures.indicator_value_add,
        name="indicator_value_add",
    ),
    path(
        "feuille-de-route/<slug:slug>/indicateurs/<int:pk>/statut/",
        measures.indicator_override,
        name="indicator_override",
    ),
    path("feuille-de-route/<slug:slug>/rapports/", reports.report_list, name="reports"),
    path("feuille-de-route/<slug:slug>/rapports/<int:pk>/", reports.report_detail, name="report"),
    path(
        "feuille-de-route/<slug:slug>/rapports/<int:pk>/pdf/",
        reports.report_pdf,
        name="report_pdf",
    ),
    path(
        "feuille-de-route/<slug:slug>/export.<str:fmt>",
        exchange.programme_export,
        name="programme_export",
    ),
    path(
        "feuille-de-route/<slug:slug>/import/",
        exchange.programme_import_view,
        name="programme_import",
    ),
    # Studies
    path("etudes/", studies.study_index, name="study_index"),
    path("etudes/<slug:slug>/", studies.study_detail, name="study"),
    path("etudes/<slug:slug>/import/", studies.study_import, name="study_import"),
    path(
        "etudes/<slug:slug>/resultats.<str:extension>",
        studies.study_download,
        name="study_download",
    ),
    path(
        "etudes/<slug:slug>/questions/<str:variable>.csv",
        studies.study_question_csv,
        name="study_question_csv",
    ),
    # Registry of actors and alliances
    path("registre/", registry.registry_search, name="registry_search"),
    path("organisations/", registry.organisation_list, name="organisation_list"),
    path("organisations/<int:pk>/", registry.organisation_detail, name="organisation"),
    path("alliances/", registry.alliance_list, name="alliance_list"),
    path("alliances/proposer/", registry_forms.alliance_submit_view, name="alliance_submit"),
    path("alliances/<int:pk>/", registry.alliance_detail, name="alliance"),
    path("catalyseurs/", registry.catalyst_list, name="catalyst_list"),
    path(
        "signaler/<str:kind>/<int:pk>/",
        registry_forms.correction_report_view,
        name="correction_report",
    ),
    path("moderation/", registry_forms.moderation_queue, name="moderation"),
    path(
        "moderation/alliances/<int:pk>/",
        registry_forms.moderation_alliance,
        name="moderation_alliance",
    ),
    path(
        "moderation/corrections/<int:pk>/",
        registry_forms.moderation_correction,
        name="moderation_correction",
    ),
]

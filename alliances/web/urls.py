from django.urls import path

from alliances.web.views import (
    network,
    observatory,
    opendata,
    pages,
    registry,
    registry_dedup,
    registry_forms,
    registry_import,
    registry_organisation,
    sdg,
    studies,
    studies_staff,
    territories,
)
from alliances.web.views.kit import compass, resources
from alliances.web.views.mobilisation import contributions, debates, events, notifications
from alliances.web.views.program import dashboard, exchange, measures, reports

app_name = "web"

urlpatterns = [
    path("", pages.home, name="home"),
    path("accessibilite/", pages.accessibility, name="accessibility"),
    path(
        "accessibilite/schema-pluriannuel/",
        pages.accessibility_plan,
        name="accessibility_plan",
    ),
    path("mentions-legales/", pages.legal_notice, name="legal"),
    path("donnees-personnelles/", pages.privacy, name="privacy"),
    # Open data (files written by `alliances export_opendata`)
    path("donnees/", opendata.opendata, name="opendata"),
    path("donnees/schema-alliances/", opendata.opendata_schema, name="opendata_schema"),
    path("donnees/fichiers/<str:name>", opendata.opendata_file, name="opendata_file"),
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
    path("partenaires/defi/", network.challenge, name="challenge"),
    path("territoires/france/reseau/", network.network, name="network_france"),
    path("territoires/france/reseau.csv", network.network_csv, name="network_france_csv"),
    path(
        "territoires/france/reseau.<str:fmt>",
        network.network_export_file,
        name="network_france_export",
    ),
    path(
        "territoires/france/reseau-biparti.<str:fmt>",
        network.network_bipartite_file,
        name="network_france_bipartite",
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
    path("territoires/<str:kind>/<str:code>/reseau/", network.network, name="network"),
    path("territoires/<str:kind>/<str:code>/reseau.csv", network.network_csv, name="network_csv"),
    path(
        "territoires/<str:kind>/<str:code>/reseau.<str:fmt>",
        network.network_export_file,
        name="network_export",
    ),
    path(
        "territoires/<str:kind>/<str:code>/reseau-biparti.<str:fmt>",
        network.network_bipartite_file,
        name="network_bipartite",
    ),
    path("odd/", sdg.goal_index, name="goal_index"),
    path("odd/<int:number>/", sdg.goal_detail, name="goal"),
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
        "etudes/<slug:slug>/ponderation/",
        studies_staff.study_weighting,
        name="study_weighting",
    ),
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
    path(
        "organisations/<int:pk>/modifier/",
        registry_organisation.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "organisations/<int:pk>/personnes/",
        registry_organisation.organisation_members,
        name="organisation_members",
    ),
    path(
        "organisations/<int:pk>/personnes/<int:member>/",
        registry_organisation.organisation_member_change,
        name="organisation_member_change",
    ),
    path("alliances/", registry.alliance_list, name="alliance_list"),
    path("alliances/proposer/", registry_forms.alliance_submit_view, name="alliance_submit"),
    path("alliances/<int:pk>/", registry.alliance_detail, name="alliance"),
    path("alliances/modele.<str:fmt>", registry_import.alliance_template, name="alliance_template"),
    path("moderation/import/", registry_import.alliance_import_view, name="alliance_import"),
    path("moderation/doublons/", registry_dedup.duplicate_list, name="duplicates"),
    path("moderation/doublons/fusion/", registry_dedup.duplicate_merge, name="duplicate_merge"),
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
    # Mobilisation: events, contributions and debate, notifications
    path("evenements/", events.event_list, name="event_list"),
    path("evenements/agenda.ics", events.events_feed, name="events_feed"),
    path("evenements/<int:pk>/", events.event_detail, name="event"),
    path("evenements/<int:pk>/inscription/", events.event_register, name="event_register"),
    path("evenements/<int:pk>/agenda.ics", events.event_ical, name="event_ical"),
    path("evenements/<int:pk>/inscrits.<str:fmt>", events.event_attendees, name="event_attendees"),
    path(
        "inscriptions/annuler/<str:token>/",
        events.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "contributions/<str:kind>/<int:pk>/",
        contributions.contribution_add,
        name="contribution_add",
    ),
    path(
        "contributions/<int:pk>/repondre/",
        contributions.contribution_reply,
        name="contribution_reply",
    ),
    path(
        "contributions/<int:pk>/reagir/",
        contributions.contribution_react,
        name="contribution_react",
    ),
    path(
        "contributions/<int:pk>/signaler/",
        contributions.contribution_report,
        name="contribution_report",
    ),
    path(
        "moderation/contributions/",
        contributions.moderation_queue,
        name="contribution_moderation",
    ),
    path(
        "moderation/contributions/<int:pk>/",
        contributions.contribution_moderate,
        name="contribution_moderate",
    ),
    path(
        "feuille-de-route/<slug:slug>/mesures/<str:code>/debats/ouvrir/",
        debates.debate_add,
        name="debate_add",
    ),
    path("debats/<int:pk>/", debates.debate_detail, name="debate"),
    path("debats/<int:pk>/cloturer/", debates.debate_close, name="debate_close"),
    path("debats/<int:pk>/conclusion/", debates.debate_conclude, name="debate_conclude"),
    path(
        "confirmer/<str:token>/",
        notifications.record_confirm,
        name="record_confirm",
    ),
    path("suivre/<str:kind>/<int:pk>/", contributions.follow_toggle, name="follow"),
    path("notifications/", notifications.notification_list, name="notification_settings"),
    path("desabonnement/<str:token>/", notifications.unsubscribe, name="unsubscribe"),
    path(
        "feuille-de-route/<slug:slug>/mesures/<str:code>/toujours-exact/",
        notifications.measure_confirm,
        name="measure_confirm",
    ),
    # The kit: resource centre and compass
    path("ressources/", resources.resource_list, name="kit_resources"),
    path("ressources/proposer/", resources.resource_edit, name="kit_resource_add"),
    path("ressources/moderation/", resources.kit_moderation, name="kit_moderation"),
    path("ressources/mon-kit/", resources.my_kit, name="kit_saved_searches"),
    path("ressources/recherches/", resources.saved_search_add, name="kit_saved_search_add"),
    path(
        "ressources/recherches/<int:pk>/supprimer/",
        resources.saved_search_delete,
        name="kit_saved_search_delete",
    ),
    path("ressources/parcours/", resources.path_list, name="kit_paths"),
    path("ressources/parcours/<slug:slug>/", resources.path_detail, name="kit_path"),
    path("ressources/<int:pk>/", resources.resource_detail, name="kit_resource"),
    path("ressources/<int:pk>/modifier/", resources.resource_edit, name="kit_resource_edit"),
    path("ressources/<int:pk>/etat/", resources.resource_move, name="kit_resource_move"),
    path("ressources/<int:pk>/favori/", resources.bookmark, name="kit_bookmark"),
    path("boussole/", compass.compass_index, name="compass"),
    path("boussole/resultats/<str:token>/", compass.compass_result, name="compass_result"),
    path(
        "boussole/resultats/<str:token>/pdf/", compass.compass_result_pdf, name="compass_result_pdf"
    ),
    path("alliances/<int:pk>/evaluation/", compass.alliance_evaluation, name="alliance_evaluation"),
    path("boussole/<slug:slug>/", compass.compass_answer, name="compass_answer"),
]

from django.urls import path

from alliances.web.views import pages, registry, registry_forms, sdg, territories

app_name = "web"

urlpatterns = [
    path("", pages.home, name="home"),
    path("accessibilite/", pages.accessibility, name="accessibility"),
    path("mentions-legales/", pages.legal_notice, name="legal"),
    path("donnees-personnelles/", pages.privacy, name="privacy"),
    path("territoires/", territories.territory_index, name="territory_index"),
    path(
        "territoires/<str:kind>/<str:code>/",
        territories.territory_detail,
        name="territory",
    ),
    path("odd/", sdg.goal_index, name="goal_index"),
    path("odd/<int:number>/", sdg.goal_detail, name="goal"),
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

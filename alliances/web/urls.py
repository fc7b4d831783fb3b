from django.urls import path

from alliances.web.views import pages, sdg, studies, territories

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
]

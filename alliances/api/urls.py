from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from alliances.api import schema  # noqa: F401 — registers the authentication scheme
from alliances.api.program import views as program
from alliances.api.reference import views as reference
from alliances.api.registry import views as registry
from alliances.api.studies import views as studies

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script (CSP).
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    # Reference data
    path("territories/", reference.TerritoryList.as_view(), name="territory-list"),
    path(
        "territories/<str:kind>/<str:code>/",
        reference.TerritoryDetail.as_view(),
        name="territory-detail",
    ),
    path("sdg/goals/", reference.GoalList.as_view(), name="goal-list"),
    path("sdg/goals/<int:number>/", reference.GoalDetail.as_view(), name="goal-detail"),
    # Registry of actors and alliances
    path("organisations/", registry.OrganisationList.as_view(), name="organisation-list"),
    path(
        "organisations/<int:pk>/", registry.OrganisationDetail.as_view(), name="organisation-detail"
    ),
    path("alliances/", registry.AllianceList.as_view(), name="alliance-list"),
    path("alliances/<int:pk>/", registry.AllianceDetail.as_view(), name="alliance-detail"),
    path("catalysts/", registry.CatalystList.as_view(), name="catalyst-list"),
    # Studies
    path("studies/", studies.StudyList.as_view(), name="study-list"),
    path("studies/<slug:slug>/", studies.StudyDetail.as_view(), name="study-detail"),
    path("studies/<slug:slug>/estimates/", studies.EstimateList.as_view(), name="estimate-list"),
    # Roadmap steering
    path("programmes/", program.ProgrammeList.as_view(), name="programme-list"),
    path("programmes/<slug:slug>/", program.ProgrammeDetail.as_view(), name="programme-detail"),
    path("programmes/<slug:slug>/measures/", program.MeasureList.as_view(), name="measure-list"),
    path(
        "programmes/<slug:slug>/measures/<str:code>/",
        program.MeasureDetail.as_view(),
        name="measure-detail",
    ),
    path(
        "programmes/<slug:slug>/measures/<str:code>/updates/",
        program.ProgressUpdates.as_view(),
        name="progress-update-list",
    ),
    path(
        "programmes/<slug:slug>/measures/<str:code>/milestones/",
        program.Milestones.as_view(),
        name="milestone-list",
    ),
    path(
        "programmes/<slug:slug>/milestones/<int:pk>/",
        program.MilestoneDetail.as_view(),
        name="milestone-detail",
    ),
    path(
        "programmes/<slug:slug>/indicators/<int:pk>/values/",
        program.IndicatorValues.as_view(),
        name="indicator-values",
    ),
]

from django.urls import path
from drf_spectacular.views import SpectacularSwaggerSplitView

from alliances.api import schema  # noqa: F401 — registers the authentication scheme
from alliances.api.insights import views as insights
from alliances.api.kit import views as kit
from alliances.api.kit import writes as kit_writes
from alliances.api.mobilisation import views as mobilisation
from alliances.api.mobilisation import writes as mobilisation_writes
from alliances.api.program import views as program
from alliances.api.reference import views as reference
from alliances.api.registry import views as registry
from alliances.api.registry import writes as registry_writes
from alliances.api.studies import views as studies

app_name = "api"

urlpatterns = [
    path("schema/", schema.CachedSchemaView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script (CSP).
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema"),
        name="docs",
    ),
    # Reference data
    path("territories/", reference.TerritoryList.as_view(), name="territory-list"),
    # Territorial observatory (France first: "france" is not a territory kind)
    path(
        "territories/france/diagnostic/",
        insights.Diagnostic.as_view(),
        name="diagnostic-france",
    ),
    path("territories/france/network/", insights.Network.as_view(), name="network-france"),
    path(
        "territories/<str:kind>/<str:code>/diagnostic/",
        insights.Diagnostic.as_view(),
        name="diagnostic",
    ),
    path(
        "territories/<str:kind>/<str:code>/network/",
        insights.Network.as_view(),
        name="network",
    ),
    path(
        "territories/<str:kind>/<str:code>/partners/",
        insights.ChallengePartners.as_view(),
        name="challenge-partners",
    ),
    path(
        "organisations/<int:pk>/suggestions/",
        insights.Suggestions.as_view(),
        name="organisation-suggestions",
    ),
    path(
        "territories/<str:kind>/<str:code>/",
        reference.TerritoryDetail.as_view(),
        name="territory-detail",
    ),
    path("sdg/goals/", reference.GoalList.as_view(), name="goal-list"),
    path("sdg/goals/<int:number>/", reference.GoalDetail.as_view(), name="goal-detail"),
    # Registry of actors and alliances
    path(
        "organisations/", registry_writes.OrganisationListCreate.as_view(), name="organisation-list"
    ),
    path(
        "organisations/<int:pk>/",
        registry_writes.OrganisationDetailUpdate.as_view(),
        name="organisation-detail",
    ),
    path(
        "organisations/<int:pk>/corrections/",
        registry_writes.OrganisationCorrections.as_view(),
        name="organisation-corrections",
    ),
    path("alliances/", registry_writes.AllianceListCreate.as_view(), name="alliance-list"),
    path("alliances/<int:pk>/", registry.AllianceDetail.as_view(), name="alliance-detail"),
    path(
        "alliances/<int:pk>/publication/",
        registry_writes.AlliancePublication.as_view(),
        name="alliance-publication",
    ),
    path(
        "alliances/<int:pk>/corrections/",
        registry_writes.AllianceCorrections.as_view(),
        name="alliance-corrections",
    ),
    path(
        "corrections/<int:pk>/",
        registry_writes.CorrectionHandle.as_view(),
        name="correction-handle",
    ),
    path("catalysts/", registry.CatalystList.as_view(), name="catalyst-list"),
    # Kit: resources and the compass
    path("resources/", kit_writes.ResourceListCreate.as_view(), name="resource-list"),
    path("resources/<int:pk>/", kit_writes.ResourceDetailUpdate.as_view(), name="resource-detail"),
    path(
        "resources/<int:pk>/transitions/",
        kit_writes.ResourceTransition.as_view(),
        name="resource-transition",
    ),
    path(
        "resources/<int:pk>/bookmark/",
        kit_writes.ResourceBookmark.as_view(),
        name="resource-bookmark",
    ),
    path("questionnaires/", kit.QuestionnaireList.as_view(), name="questionnaire-list"),
    path(
        "questionnaires/<slug:slug>/",
        kit.QuestionnaireDetail.as_view(),
        name="questionnaire-detail",
    ),
    path(
        "questionnaires/<slug:slug>/assessments/",
        kit.AssessmentCreate.as_view(),
        name="assessment-create",
    ),
    path("assessments/<str:token>/", kit.AssessmentDetail.as_view(), name="assessment-detail"),
    path(
        "alliances/<int:pk>/evaluation/",
        kit.AllianceEvaluation.as_view(),
        name="alliance-evaluation",
    ),
    path("compass-statistics/", kit.CompassStatistics.as_view(), name="compass-statistics"),
    path(
        "compass-statistics/<str:kind>/<str:code>/",
        kit.CompassStatisticsTerritory.as_view(),
        name="compass-statistics-territory",
    ),
    # Mobilisation
    path("events/", mobilisation.EventList.as_view(), name="event-list"),
    path("events/<int:pk>/", mobilisation.EventDetail.as_view(), name="event-detail"),
    path("debates/", mobilisation.DebateList.as_view(), name="debate-list"),
    path("debates/<int:pk>/", mobilisation.DebateDetail.as_view(), name="debate-detail"),
    path(
        "events/<int:pk>/registration/",
        mobilisation_writes.EventRegistration.as_view(),
        name="event-registration",
    ),
    path(
        "contributions/",
        mobilisation_writes.ContributionCreate.as_view(),
        name="contribution-list",
    ),
    path(
        "contributions/<int:pk>/reports/",
        mobilisation_writes.ContributionReport.as_view(),
        name="contribution-reports",
    ),
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

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from alliances.api.program import views as program
from alliances.api.reference import views as reference

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    # Reference data
    path("territories/", reference.TerritoryList.as_view(), name="territory-list"),
    path(
        "territories/<str:kind>/<str:code>/",
        reference.TerritoryDetail.as_view(),
        name="territory-detail",
    ),
    path("sdg/goals/", reference.GoalList.as_view(), name="goal-list"),
    path("sdg/goals/<int:number>/", reference.GoalDetail.as_view(), name="goal-detail"),
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

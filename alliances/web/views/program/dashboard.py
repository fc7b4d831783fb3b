from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from alliances.core.charts import chart_svg
from alliances.core.pagecache import cache_public
from alliances.program import charts, perms, selectors
from alliances.program.enums import Attainment, Freshness, IndicatorStatus, MeasureStatus
from alliances.program.models import Programme
from alliances.program.progress import ROLLUP_RULE


@require_safe
def programme_list(request):
    programmes = list(Programme.objects.all())
    if len(programmes) == 1:
        return redirect(programmes[0])
    return render(
        request, "web/program/list.html", {"section": "program", "programmes": programmes}
    )


def _common(request, programme):
    return {
        "section": "program",
        "programme": programme,
        "can_manage": perms.can_manage_programme(request.user, programme),
        "rollup_rule": ROLLUP_RULE,
    }


@require_safe
@cache_public
def programme_dashboard(request, slug: str):
    programme = selectors.programme_get(slug)
    state = selectors.programme_state(programme)
    late = [(item, milestone) for item in state.measures for milestone in item.late_milestones]
    stale = [item for item in state.measures if item.freshness != Freshness.FRESH]
    indicators = [(item, indicator) for item in state.measures for indicator in item.indicators]
    return render(
        request,
        "web/program/dashboard.html",
        {
            **_common(request, programme),
            "state": state,
            "late": late,
            "stale": stale,
            "indicators": [
                (
                    item,
                    indicator,
                    chart_svg(
                        charts.indicator_line(indicator, small=True),
                        title=_("Trend of %(name)s") % {"name": indicator.indicator.name},
                        description=_("Values in the table beside."),
                        summary=charts.indicator_summary(indicator),
                    ),
                )
                for item, indicator in indicators
            ],
            "progress_chart": chart_svg(
                charts.progress_by_dimension(state),
                title=_("Progress by dimension"),
                description=_("The data is in the table below the chart."),
                summary=charts.progress_summary(state),
            ),
            "attainment_chart": chart_svg(
                charts.attainment_by_dimension(state),
                title=_("Attainment by dimension"),
                description=_("The data is in the table below the chart."),
                summary=charts.attainment_summary(state),
            ),
            "attainment_choices": [*Attainment.choices, ("", _("not assessed yet"))],
            "freshness_choices": Freshness.choices,
            "status_labels": dict(MeasureStatus.choices),
            "indicator_labels": dict(IndicatorStatus.choices),
        },
    )


@require_safe
def programme_system(request, slug: str):
    programme = selectors.programme_get(slug)
    state = selectors.programme_state(programme)
    groups = list(programme.stakeholder_groups.all())
    objectives = list(programme.objectives.all())
    return render(
        request,
        "web/program/system.html",
        {
            **_common(request, programme),
            "state": state,
            "groups_matrix": selectors.matrix(state, groups, "stakeholder_groups"),
            "objectives_matrix": selectors.matrix(state, objectives, "objectives"),
            "graph": chart_svg(
                charts.dependency_graph(state),
                title=_("Dependencies between measures"),
                description=_(
                    "Each line joins a measure to a measure it depends on; the list follows."
                ),
                summary=charts.dependency_summary(state),
            ),
        },
    )


@require_safe
def programme_timeline(request, slug: str):
    programme = selectors.programme_get(slug)
    state = selectors.programme_state(programme)
    today = timezone.localdate()
    return render(
        request,
        "web/program/timeline.html",
        {
            **_common(request, programme),
            "state": state,
            "today": today,
            "instances": programme.instances.all(),
            "chart": chart_svg(
                charts.timeline(state, today=today),
                title=_("Roadmap timeline"),
                description=_("The same dates are in the table below."),
                summary=charts.timeline_summary(state, today=today),
            ),
        },
    )

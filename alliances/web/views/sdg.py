from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from alliances.core.pagecache import cache_public
from alliances.sdg.models import Goal


@require_safe
@cache_public
def goal_index(request):
    return render(request, "web/sdg/index.html", {"section": "sdg", "goals": Goal.objects.all()})


@require_safe
@cache_public
def goal_detail(request, number: int):
    goal = get_object_or_404(Goal, number=number)
    return render(
        request,
        "web/sdg/detail.html",
        {
            "section": "sdg",
            "goal": goal,
            "targets": goal.targets.all(),
            "previous_goal": Goal.objects.filter(number=number - 1).first(),
            "next_goal": Goal.objects.filter(number=number + 1).first(),
        },
    )

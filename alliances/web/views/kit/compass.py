"""The compass: choose a questionnaire, answer it on one page (no JavaScript needed), read the
result by its secret link; signed-in people see their history and evolution."""

import altair as alt
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from alliances.core import summaries
from alliances.core.charts import chart_svg
from alliances.kit import perms, selectors
from alliances.kit.models import Assessment, Questionnaire
from alliances.kit.services.compass import AnswerErrors, assessment_submit, questionnaire_questions
from alliances.web.forms.kit import CompassForm


@require_safe
def compass_index(request):
    return render(
        request,
        "web/kit/compass_index.html",
        {
            "section": "kit",
            "questionnaires": selectors.current_questionnaires(),
            "assessments": selectors.user_assessments(request.user)[:10]
            if perms.can_view_assessment_history(request.user)
            else [],
        },
    )


@require_http_methods(["GET", "POST"])
def compass_answer(request, slug: str):
    questionnaire = get_object_or_404(Questionnaire, slug=slug, is_current=True)
    questions = questionnaire_questions(questionnaire)
    form = CompassForm(request.POST or None, questions=questions, audience=questionnaire.audience)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = assessment_submit(
                questionnaire=questionnaire,
                answers=form.answers(),
                profile=form.cleaned_data["profile"],
                user=request.user,
            )
        except AnswerErrors as error:
            form.add_answer_errors(error.errors)
        else:
            messages.success(
                request,
                _("Your result is saved. Keep this page's address to come back to it."),
            )
            return redirect(assessment.get_absolute_url())
    return render(
        request,
        "web/kit/compass_answer.html",
        {"section": "kit", "questionnaire": questionnaire, "form": form},
        status=400 if form.errors else 200,
    )


def _axes_chart(results, title: str):
    data = [{"axis": r.label, "score": float(r.score)} for r in results]
    chart = (
        alt.Chart(alt.Data(values=data))
        .mark_bar(color="#19486a")
        .encode(
            x=alt.X("score:Q", title=_("Score (out of 100)"), scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("axis:N", title=None, sort=None),
        )
        .properties(width=420, height=32 * len(data))
    )
    summary = summaries.ranking(
        [(r.label, float(r.score)) for r in results], subject=title, unit=_("/ 100")
    )
    return chart_svg(
        chart, title=title, description=_("The data is in the table below."), summary=summary
    )


def _evolution_chart(history):
    data = [
        {"date": assessment.created_at.date().isoformat(), "score": float(assessment.overall)}
        for assessment in history
    ]
    chart = (
        alt.Chart(alt.Data(values=data))
        .mark_line(point=True, color="#3f7e44")
        .encode(
            x=alt.X("date:T", title=_("Date")),
            y=alt.Y("score:Q", title=_("Overall score"), scale=alt.Scale(domain=[0, 100])),
        )
        .properties(width=420, height=200)
    )
    summary = summaries.series(
        [
            (date_format(assessment.created_at.date(), "SHORT_DATE_FORMAT"), p["score"])
            for assessment, p in zip(history, data, strict=True)
        ],
        subject=_("Overall score"),
        unit=_("/ 100"),
    )
    return chart_svg(
        chart,
        title=_("Overall score over time"),
        description=_("The data is in the table below."),
        summary=summary,
    )


@require_safe
def compass_result(request, token: str):
    assessment = get_object_or_404(
        Assessment.objects.select_related("questionnaire", "organisation"), token=token
    )
    results = selectors.assessment_results(assessment)
    # The evolution is personal: only its owner sees it, not whoever holds the link.
    is_owner = request.user.is_authenticated and request.user.pk == assessment.user_id
    history = selectors.assessment_history(assessment) if is_owner else []
    return render(
        request,
        "web/kit/compass_result.html",
        {
            "section": "kit",
            "assessment": assessment,
            "results": results,
            "chart": _axes_chart(results, _("Score per axis")) if results else "",
            "strengths": [r for r in results if r.is_strength],
            "gaps": [r for r in results if not r.is_strength],
            "recommendations": selectors.recommendations(assessment, results),
            "peers": selectors.peer_comparison(assessment, results),
            "history": history if len(history) > 1 else [],
            "evolution_chart": _evolution_chart(history) if len(history) > 1 else "",
        },
    )

"""The compass: choose a questionnaire, answer it on one page (no JavaScript needed), read the
result by its secret link; signed-in people see their history and evolution."""

import altair as alt
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from alliances.core import summaries
from alliances.core.charts import chart_svg
from alliances.core.errors import DomainError
from alliances.kit import charts, perms, selectors
from alliances.kit.enums import QuestionnaireAudience
from alliances.kit.models import Assessment, Questionnaire
from alliances.kit.services.compass import (
    MEMBERS_ONLY,
    AnswerErrors,
    assessment_submit,
    questionnaire_questions,
)
from alliances.registry.models import Alliance
from alliances.web.forms.kit import CompassForm

TABLE_NOTE = gettext_lazy("The data is in the table below.")


@require_safe
def compass_index(request):
    return render(
        request,
        "web/kit/compass_index.html",
        {
            "section": "kit",
            "questionnaires": selectors.current_compasses(),
            "assessments": selectors.user_assessments(request.user)[:10]
            if perms.can_view_assessment_history(request.user)
            else [],
        },
    )


@require_http_methods(["GET", "POST"])
def compass_answer(request, slug: str):
    questionnaire = get_object_or_404(
        Questionnaire.objects.exclude(audience=QuestionnaireAudience.ALLIANCE),
        slug=slug,
        is_current=True,
    )
    questions = questionnaire_questions(questionnaire)
    form = CompassForm(request.POST or None, questions=questions, audience=questionnaire.audience)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = assessment_submit(
                questionnaire=questionnaire,
                answers=form.answers(),
                profile=form.cleaned_data["profile"],
                user=request.user,
                organisation=form.cleaned_data.get("organisation"),
                territory=form.cleaned_data.get("territory"),
            )
        except AnswerErrors as error:
            form.add_answer_errors(error.errors)
        except DomainError as error:
            form.add_error(None, str(error))
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
    """The radar of the scores per axis (its table is on the page)."""
    pairs = [(result.label, float(result.score)) for result in results]
    summary = summaries.ranking(pairs, subject=title, unit=_("/ 100"))
    return chart_svg(
        charts.radar(pairs),
        title=title,
        description=str(TABLE_NOTE),
        summary=summary,
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
            "is_evaluation": assessment.alliance_id is not None,
            "history": history if len(history) > 1 else [],
            "evolution_chart": _evolution_chart(history) if len(history) > 1 else "",
        },
    )


@require_safe
def compass_result_pdf(request, token: str):
    """The result as a printable PDF, reached by the same secret link."""
    from alliances.kit.report_pdf import render_assessment_pdf

    assessment = get_object_or_404(Assessment.objects.select_related("questionnaire"), token=token)
    results = selectors.assessment_results(assessment)
    pdf = render_assessment_pdf(
        assessment,
        results,
        selectors.recommendations(assessment, results),
        absolute_url=request.build_absolute_uri,
        peers=selectors.peer_comparison(assessment, results),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="boussole-{assessment.created_at:%Y-%m-%d}.pdf"'
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def alliance_evaluation(request, pk: int):
    """A member evaluates a published alliance along the seven angles, for one of its member
    organisations they belong to."""
    alliance = get_object_or_404(Alliance.objects.published(), pk=pk)
    questionnaire = selectors.evaluation_questionnaire()
    if questionnaire is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not perms.can_evaluate_alliance(request.user, alliance):
        return render(request, "403.html", {"reason": MEMBERS_ONLY}, status=403)
    questions = questionnaire_questions(questionnaire)
    form = CompassForm(
        request.POST or None,
        questions=questions,
        audience=questionnaire.audience,
        alliance=alliance,
        evaluating=perms.evaluating_organisations(request.user, alliance),
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment_submit(
                questionnaire=questionnaire,
                answers=form.answers(),
                profile=form.cleaned_data["profile"],
                user=request.user,
                organisation=form.cleaned_data.get("organisation"),
                alliance=alliance,
            )
        except AnswerErrors as error:
            form.add_answer_errors(error.errors)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Thank you: your evaluation is saved. The alliance's page shows the members' "
                    "mean once enough members have answered."
                ),
            )
            return redirect(alliance.get_absolute_url() + "#evaluation-title")
    return render(
        request,
        "web/kit/compass_answer.html",
        {
            "section": "alliances",
            "questionnaire": questionnaire,
            "form": form,
            "alliance": alliance,
            "previous": selectors.user_evaluation(alliance, request.user),
        },
        status=400 if form.errors else 200,
    )


def evaluation_context(alliance, user) -> dict:
    """What the alliance page shows of its evaluation: the aggregate (from the minimum of
    respondents), its radar, and whether this person may answer."""
    evaluation = selectors.alliance_evaluation(alliance)
    chart = ""
    if evaluation.is_shown:
        pairs = [(angle.label, float(angle.mean)) for angle in evaluation.angles]
        title = _("Members' evaluation per angle")
        chart = chart_svg(
            charts.radar(pairs),
            title=title,
            description=str(TABLE_NOTE),
            summary=summaries.ranking(pairs, subject=title, unit=_("/ 100")),
        )
    return {
        "evaluation": evaluation,
        "evaluation_chart": chart,
        "can_evaluate": evaluation.questionnaire is not None
        and perms.can_evaluate_alliance(user, alliance),
    }

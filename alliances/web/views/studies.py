from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from alliances.core.uploads import upload_check
from alliances.studies import perms, selectors
from alliances.studies.enums import QuestionKind
from alliances.studies.errors import StudyError
from alliances.studies.importers import codebook_from_table, read_table
from alliances.studies.models import PublishedEstimate
from alliances.studies.services import SurveyImportError, survey_import
from alliances.web import study_presentation as presentation
from alliances.web.forms.studies import CrosstabForm

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


@require_safe
def study_index(request):
    return render(
        request,
        "web/studies/index.html",
        {"section": "studies", "studies": selectors.studies_visible(request.user)},
    )


@require_safe
def study_detail(request, slug: str):
    study = selectors.study_get(slug=slug, user=request.user)
    results = selectors.study_results(study)
    questions = []
    for result in results:
        regions = selectors.question_estimates_by_region(result.question, result.latest.wave)
        questions.append(
            {
                "result": result,
                "chart": presentation.latest_chart(result),
                "trend_chart": presentation.trend_chart(result) if len(result.waves) > 1 else None,
                "regions": [
                    {"region": rows[0].region, "estimates": rows} for rows in regions.values()
                ],
            }
        )
    return render(
        request,
        "web/studies/detail.html",
        {
            "section": "studies",
            "study": study,
            "waves": study.waves.all(),
            "questions": questions,
            "can_edit": perms.can_edit_studies(request.user),
            "crosstab": _crosstab(request, study),
        },
    )


def _crosstab(request, study) -> dict | None:
    """The subgroup selector and, when asked, the cross-tab (from the microdata, live)."""
    waves = list(study.waves.annotate(n=Count("respondents")).filter(n__gt=0).order_by("-number"))
    if not waves:
        return None
    subgroups = list(
        study.questions.filter(kind=QuestionKind.CATEGORICAL).prefetch_related("options")
    )
    questions = [q for q in subgroups if q.is_published]
    if not questions or len(subgroups) < 2:
        return None
    asked = "question" in request.GET
    form = CrosstabForm(
        request.GET if asked else None,
        questions=questions,
        subgroups=subgroups,
        waves=waves,
        initial={"wave": waves[0].number},
    )
    if not asked or not form.is_valid():
        return {"form": form}
    data = form.cleaned_data
    wave = next(w for w in waves if w.number == data["wave"])
    found = selectors.study_crosstab(
        study=study, wave=wave, variable=data["question"], by=data["by"]
    )
    if found is None:
        return {"form": form, "unavailable": True}
    question, by, table = found
    labels = {option.code: option.label for option in by.options.all()}
    return {
        "form": form,
        "question": question,
        "by": by,
        "wave": wave,
        "options": list(question.options.all()),
        "table": table,
        "rows": [
            {"label": labels.get(group.group, group.group), "group": group}
            for group in table.groups
        ],
    }


def _estimates(study, variable: str | None = None):
    rows = PublishedEstimate.objects.filter(question__study=study, question__is_published=True)
    if variable is not None:
        rows = rows.filter(question__variable=variable)
    return rows.select_related("question", "wave", "region").order_by(
        "question__position", "wave__number", "region__code", "position"
    )


@require_safe
def study_question_csv(request, slug: str, variable: str):
    study = selectors.study_get(slug=slug, user=request.user)
    estimates = list(_estimates(study, variable))
    if not estimates:
        raise Http404
    response = HttpResponse(
        presentation.as_csv(presentation.estimate_rows(study, estimates)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{study.slug}-{variable}.csv"'
    return response


@require_safe
def study_download(request, slug: str, extension: str):
    study = selectors.study_get(slug=slug, user=request.user)
    rows = presentation.estimate_rows(study, _estimates(study))
    if extension == "csv":
        response = HttpResponse(presentation.as_csv(rows), content_type="text/csv; charset=utf-8")
    elif extension == "xlsx":
        response = HttpResponse(
            presentation.as_xlsx(rows, study.slug),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{study.slug}.{extension}"'
    return response


class SurveyImportForm(forms.Form):
    data = forms.FileField(label=gettext_lazy("Microdata (CSV, XLSX or SPSS .sav)"))
    codebook = forms.FileField(
        label=gettext_lazy("Codebook (CSV or XLSX)"),
        required=False,
        help_text=gettext_lazy("Optional for an SPSS file, whose labels are used."),
    )
    wave = forms.IntegerField(label=gettext_lazy("Wave number"), min_value=1, initial=1)
    wave_label = forms.CharField(label=gettext_lazy("Label of a new wave"), required=False)
    id_variable = forms.CharField(label=gettext_lazy("Respondent identifier column"), initial="id")
    weight_variable = forms.CharField(
        label=gettext_lazy("Weight column provided with the data"), required=False
    )
    commit = forms.BooleanField(
        label=gettext_lazy("Import (otherwise only check the files)"), required=False
    )

    def clean(self):
        cleaned = super().clean()
        for name, kinds in (("data", {"csv", "xlsx", "sav"}), ("codebook", {"csv", "xlsx"})):
            upload = cleaned.get(name)
            if upload:
                try:
                    upload_check(
                        upload,
                        kinds=kinds,
                        max_bytes=MAX_UPLOAD_BYTES,
                        max_uncompressed=10 * MAX_UPLOAD_BYTES,
                    )
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned


@require_http_methods(["GET", "POST"])
def study_import(request, slug: str):
    if not perms.can_edit_studies(request.user):
        raise PermissionDenied
    study = selectors.study_get(slug=slug, user=request.user)
    form = SurveyImportForm(request.POST or None, request.FILES or None)
    issues, report = [], None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            table = read_table(data["data"].read(), data["data"].name)
            codebook = None
            if data["codebook"]:
                codebook, issues = codebook_from_table(
                    read_table(data["codebook"].read(), data["codebook"].name)
                )
            if not issues:
                report = survey_import(
                    study=study,
                    wave_number=data["wave"],
                    wave_label=data["wave_label"],
                    table=table,
                    codebook=codebook,
                    id_variable=data["id_variable"],
                    weight_variable=data["weight_variable"] or None,
                    commit=data["commit"],
                )
        except SurveyImportError as error:
            issues = error.issues
        except (StudyError, ValueError) as error:
            form.add_error(None, str(error))
        if report is not None and report.committed:
            messages.success(
                request,
                _("%(count)s respondents imported into wave %(wave)s.")
                % {"count": report.respondents, "wave": data["wave"]},
            )
            return redirect(study.get_absolute_url())
    return render(
        request,
        "web/studies/import.html",
        {"section": "studies", "study": study, "form": form, "issues": issues, "report": report},
    )

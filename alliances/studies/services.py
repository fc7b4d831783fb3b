"""Writes to studies: importing microdata, weighting a wave, publishing results."""

import json
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from alliances.core.bulk import upsert_rows
from alliances.studies import errors, estimates, weighting
from alliances.studies.enums import QuestionKind, StudyStatus
from alliances.studies.errors import StudyError
from alliances.studies.importers import (
    CodebookEntry,
    Issue,
    Table,
    codebook_from_sav,
    validate_respondents,
)
from alliances.studies.microdata import wave_answers
from alliances.studies.models import (
    AnswerOption,
    Margin,
    MarginTarget,
    PublishedEstimate,
    Question,
    Respondent,
    Study,
    Wave,
    WeightingRun,
)
from alliances.territories.models import Territory


class SurveyImportError(StudyError):
    """The file has problems; `issues` lists each with its line and reason."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__(errors.IMPORT_INVALID % {"count": len(issues)})


@dataclass(frozen=True)
class ImportReport:
    respondents: int
    questions: int
    replaced: int
    committed: bool


def survey_import(
    *,
    study: Study,
    wave_number: int,
    table: Table,
    codebook: list[CodebookEntry] | None,
    id_variable: str,
    weight_variable: str | None = None,
    wave_label: str = "",
    commit: bool = False,
) -> ImportReport:
    """Validate a wave's microdata against its codebook, then (with `commit`) replace the wave's
    respondents and update the study's codebook, all in one transaction."""
    if codebook is None:
        if not table.value_labels and not table.variable_labels:
            raise StudyError(errors.CODEBOOK_NEEDED)
        codebook = codebook_from_sav(table)
    wave = Wave.objects.filter(study=study, number=wave_number).first()
    required = list(wave.margins.values_list("variable", flat=True)) if wave else []
    respondents, issues = validate_respondents(
        table,
        codebook,
        id_variable=id_variable,
        weight_variable=weight_variable,
        required_variables=required,
    )
    if issues:
        raise SurveyImportError(issues)
    if not respondents:
        raise StudyError(errors.NO_RESPONDENTS)
    replaced = wave.respondents.count() if wave else 0
    if not commit:
        return ImportReport(len(respondents), len(codebook), replaced, committed=False)

    with transaction.atomic():
        if wave is None:
            wave = Wave.objects.create(
                study=study, number=wave_number, label=wave_label or str(wave_number)
            )
        _codebook_upsert(study, codebook)
        wave.respondents.all().delete()
        wave.weighting_runs.update(is_current=False)
        upsert_rows(
            Respondent,
            fields=["wave", "respondent_id", "answers", "weight"],
            unique_fields=["wave", "respondent_id"],
            rows=(
                (wave.pk, r["respondent_id"], json.dumps(r["answers"]), r["weight"])
                for r in respondents
            ),
        )
        wave.sample_size = len(respondents)
        wave.save(update_fields=["sample_size", "updated_at"])
    return ImportReport(len(respondents), len(codebook), replaced, committed=True)


def _codebook_upsert(study: Study, codebook: list[CodebookEntry]) -> None:
    position = Question.objects.filter(study=study).count()
    for entry in codebook:
        question, created = Question.objects.update_or_create(
            study=study,
            variable=entry.variable,
            defaults={
                "kind": entry.kind,
                "text_fr": entry.text_fr,
                "text_en": entry.text_en,
                "is_published": entry.published,
            },
        )
        if created:
            question.position = position = position + 1
            question.save(update_fields=["position"])
        for order, (code, label_fr, label_en) in enumerate(entry.options):
            AnswerOption.objects.update_or_create(
                question=question,
                code=code,
                defaults={"label_fr": label_fr, "label_en": label_en, "position": order},
            )


def margin_set(
    *, wave: Wave, variable: str, targets: dict[str, Decimal | float], source: str = ""
) -> Margin:
    """Enter (or replace) the population shares, in percent, of one weighting variable."""
    total = sum(Decimal(str(share)) for share in targets.values())
    if not targets:
        raise StudyError(errors.MARGIN_WITHOUT_TARGETS % {"variable": variable})
    if abs(total - 100) > Decimal(str(weighting.SUM_TOLERANCE)):
        raise StudyError(errors.TARGETS_DO_NOT_SUM % {"variable": variable, "total": total})
    with transaction.atomic():
        margin, _created = Margin.objects.update_or_create(
            wave=wave, variable=variable, defaults={"source": source}
        )
        margin.targets.all().delete()
        MarginTarget.objects.bulk_create(
            MarginTarget(margin=margin, code=code, share=Decimal(str(share)))
            for code, share in targets.items()
        )
    return margin


def wave_weight(
    *,
    wave: Wave,
    variables: list[str] | None = None,
    cap: float | None = None,
    max_iterations: int = weighting.DEFAULT_MAX_ITERATIONS,
    by=None,
) -> WeightingRun:
    """Rake the wave on its margins (all, or those named), store the weights and the report.

    A run that fails (impossible targets, no convergence…) is recorded with its error, the
    weights left as they were, and the StudyError raised again for the caller to show.
    """
    try:
        return _wave_weight(
            wave=wave, variables=variables, cap=cap, max_iterations=max_iterations, by=by
        )
    except StudyError as error:
        WeightingRun.objects.create(
            wave=wave,
            variables=sorted(variables)
            if variables is not None
            else list(wave.margins.values_list("variable", flat=True)),
            cap=cap,
            converged=False,
            iterations=0,
            respondents=wave.respondents.count(),
            error=str(error),
            by=by if by is not None and by.is_authenticated else None,
        )
        raise


def _wave_weight(*, wave, variables, cap, max_iterations, by) -> WeightingRun:
    margins = wave.margins.prefetch_related("targets")
    if variables is not None:
        margins = margins.filter(variable__in=variables)
    targets = {m.variable: {t.code: float(t.share) for t in m.targets.all()} for m in margins}
    if variables is not None and (missing := set(variables) - set(targets)):
        raise StudyError(errors.MARGIN_WITHOUT_TARGETS % {"variable": ", ".join(sorted(missing))})
    ids, frame, _weights = wave_answers(wave)
    if not ids:
        raise StudyError(errors.NO_RESPONDENTS)
    for variable in targets:
        if variable not in frame.columns:
            raise StudyError(errors.VARIABLE_MISSING % {"variable": variable})
    result = weighting.rake(frame[list(targets)], targets, cap=cap, max_iterations=max_iterations)
    answers = dict(wave.respondents.values_list("pk", "answers"))
    identifiers = dict(wave.respondents.values_list("pk", "respondent_id"))
    with transaction.atomic():
        upsert_rows(
            Respondent,
            fields=["wave", "respondent_id", "answers", "weight"],
            unique_fields=["wave", "respondent_id"],
            rows=(
                (wave.pk, identifiers[pk], json.dumps(answers[pk]), float(weight))
                for pk, weight in zip(ids, result.weights, strict=True)
            ),
        )
        wave.weighting_runs.update(is_current=False)
        return WeightingRun.objects.create(
            wave=wave,
            variables=list(targets),
            cap=cap,
            converged=result.converged,
            iterations=result.iterations,
            max_margin_error=result.max_margin_error,
            respondents=len(ids),
            design_effect=result.design_effect,
            effective_sample_size=result.effective_sample_size,
            min_weight=float(result.weights.min()),
            max_weight=float(result.weights.max()),
            trimmed=result.trimmed,
            report={"margins": result.margins},
            is_current=True,
            by=by if by is not None and by.is_authenticated else None,
        )


def study_publish(*, study: Study, source: str = "") -> int:
    """Compute every published question's estimates for every wave with microdata (nationally and
    by région where the sample allows), store them, and publish the study. Returns the rows."""
    questions = list(
        study.questions.filter(is_published=True, kind=QuestionKind.CATEGORICAL).prefetch_related(
            "options"
        )
    )
    regions = {t.code: t for t in Territory.objects.filter(kind="region")}
    rows = []
    for wave in study.waves.all():
        ids, frame, weights = wave_answers(wave)
        if not ids:
            continue
        group_codes = None
        if study.region_variable and study.region_variable in frame.columns:
            group_codes = frame[study.region_variable].to_numpy(dtype=object)
        for question in questions:
            if question.variable not in frame.columns:
                continue
            options = list(question.options.all())
            codes = [option.code for option in options]
            values = frame[question.variable].to_numpy(dtype=object)
            method = study.interval_method
            results = [
                (None, estimates.weighted_proportions(values, weights, codes, method=method))
            ]
            if group_codes is not None:
                table = estimates.crosstab(
                    values,
                    group_codes,
                    weights,
                    codes,
                    min_cell_size=study.min_cell_size,
                    method=method,
                )
                results += [
                    (regions[g.group], g.proportions)
                    for g in table.groups
                    if g.proportions is not None and g.group in regions
                ]
            for region, proportions in results:
                for option, proportion in zip(options, proportions, strict=True):
                    rows.append(
                        PublishedEstimate(
                            question=question,
                            wave=wave,
                            region=region,
                            code=option.code,
                            label_fr=option.label_fr,
                            label_en=option.label_en,
                            position=option.position,
                            share=proportion.share,
                            ci_low=proportion.ci_low,
                            ci_high=proportion.ci_high,
                            base=proportion.base,
                            effective_base=proportion.effective_base,
                            base_description_fr=study.population_fr,
                            base_description_en=study.population_en,
                            source=source or study.organisation,
                        )
                    )
    with transaction.atomic():
        PublishedEstimate.objects.filter(question__study=study, is_aggregate_only=False).delete()
        PublishedEstimate.objects.bulk_create(rows, batch_size=1000)
        study.status = StudyStatus.PUBLISHED
        if study.published_on is None:
            study.published_on = timezone.localdate()
        study.save(update_fields=["status", "published_on", "updated_at"])
    return len(rows)

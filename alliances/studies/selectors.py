"""Reads of studies: published studies, their results by question, wave and région."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from alliances.studies import estimates, perms
from alliances.studies.enums import QuestionKind
from alliances.studies.microdata import wave_answers
from alliances.studies.models import PublishedEstimate, Question, Study, Wave


def studies_visible(user) -> QuerySet:
    studies = Study.objects.all() if perms.can_edit_studies(user) else Study.objects.published()
    return studies.annotate(wave_count=Count("waves", distinct=True))


def study_get(*, slug: str, user) -> Study:
    study = Study.objects.filter(slug=slug).first()
    if study is None or not perms.can_see_study(user, study):
        raise Http404
    return study


@dataclass
class WaveResult:
    wave: Wave
    estimates: list[PublishedEstimate]

    @property
    def is_aggregate_only(self) -> bool:
        return any(e.is_aggregate_only for e in self.estimates)

    @property
    def base(self) -> int | None:
        return self.estimates[0].base if self.estimates else None

    @property
    def effective_base(self) -> float | None:
        return self.estimates[0].effective_base if self.estimates else None


@dataclass
class QuestionResult:
    question: Question
    waves: list[WaveResult] = field(default_factory=list)

    @property
    def latest(self) -> WaveResult:
        return self.waves[-1]


def study_results(study: Study) -> list[QuestionResult]:
    """Each published question with its national estimates, wave by wave (oldest first)."""
    questions = study.questions.filter(is_published=True).prefetch_related(
        Prefetch(
            "estimates",
            queryset=PublishedEstimate.objects.national().select_related("wave"),
            to_attr="national_estimates",
        )
    )
    results = []
    for question in questions:
        by_wave: dict[int, WaveResult] = {}
        for estimate in question.national_estimates:
            by_wave.setdefault(estimate.wave_id, WaveResult(estimate.wave, [])).estimates.append(
                estimate
            )
        if by_wave:
            waves = sorted(by_wave.values(), key=lambda result: result.wave.number)
            for wave_result in waves:
                wave_result.estimates.sort(key=lambda e: e.position)
            results.append(QuestionResult(question, waves))
    return results


def question_estimates_by_region(
    question: Question, wave: Wave | None = None
) -> dict[str, list[PublishedEstimate]]:
    """Published estimates of a question by région code (latest wave unless one is given).

    Only régions whose sample reached the study's minimum cell size have rows; the others are
    absent, never shown with too few respondents. The observatory's diagnostic reads this.
    """
    if wave is None:
        wave = question.study.waves.filter(estimates__question=question).order_by("-number").first()
        if wave is None:
            return {}
    rows = (
        PublishedEstimate.objects.filter(question=question, wave=wave, region__isnull=False)
        .select_related("region")
        .order_by("region__code", "position")
    )
    by_region: dict[str, list[PublishedEstimate]] = {}
    for row in rows:
        by_region.setdefault(row.region.code, []).append(row)
    return by_region


def study_crosstab(
    *, study: Study, wave: Wave, variable: str, by: str
) -> tuple[Question, Question, estimates.CrossTab] | None:
    """A published question by a background variable, from the wave's microdata, live."""
    questions = {
        q.variable: q
        for q in study.questions.filter(
            variable__in=[variable, by], kind=QuestionKind.CATEGORICAL
        ).prefetch_related("options")
    }
    if variable not in questions or by not in questions:
        return None
    ids, frame, weights = wave_answers(wave)
    if not ids or variable not in frame.columns or by not in frame.columns:
        return None
    codes = [option.code for option in questions[variable].options.all()]
    table = estimates.crosstab(
        frame[variable].to_numpy(dtype=object),
        frame[by].to_numpy(dtype=object),
        weights,
        codes,
        min_cell_size=study.min_cell_size,
        method=study.interval_method,
    )
    return questions[variable], questions[by], table

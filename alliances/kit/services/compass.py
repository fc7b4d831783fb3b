"""Writes of the compass: an assessment from answers, with its scores stored per axis."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from alliances.core.errors import DomainError
from alliances.kit import scoring
from alliances.kit.enums import AudienceProfile, maturity_for_score
from alliances.kit.models import Answer, Assessment, AssessmentScore, Question, Questionnaire

ANSWER_MISSING = _("Answer this question.")
NOT_APPLICABLE_REFUSED = _("“Not applicable” is not an answer to this question.")
UNKNOWN_OPTION = _("This answer is not one of the question’s options.")
UNKNOWN_PROFILE = _("Choose your profile.")
OLD_VERSION = _("This version of the questionnaire is closed; answer the current one.")


class AnswerErrors(DomainError):
    """Some answers are missing or wrong: `errors` maps a question's pk to the reason."""

    def __init__(self, errors: dict[int, str]):
        super().__init__(_("Some answers are missing or invalid."))
        self.errors = errors


def questionnaire_questions(questionnaire: Questionnaire) -> list[Question]:
    return list(
        Question.objects.filter(axis__questionnaire=questionnaire)
        .select_related("axis")
        .prefetch_related("options")
        .order_by("axis__order", "order")
    )


def question_specs(questions: list[Question]) -> list[scoring.QuestionSpec]:
    return [
        scoring.QuestionSpec(
            key=question.pk,
            axis=question.axis.code,
            max_score=max(option.score for option in question.options.all()),
            depends_on=question.depends_on_id,
            min_score=question.depends_on_min_score,
        )
        for question in questions
    ]


def _resolve(questions: list[Question], raw: dict[int, str]) -> tuple[dict, dict, dict]:
    """Raw answers (option pk as text, or "na") → (scores, chosen options, errors)."""
    scores, chosen, errors = {}, {}, {}
    for question in questions:
        value = (raw.get(question.pk) or "").strip()
        if not value:
            continue
        if value == scoring.NOT_APPLICABLE:
            if not question.allows_not_applicable:
                errors[question.pk] = NOT_APPLICABLE_REFUSED
                continue
            scores[question.pk] = scoring.NOT_APPLICABLE
            chosen[question.pk] = None
            continue
        option = next((o for o in question.options.all() if str(o.pk) == value), None)
        if option is None:
            errors[question.pk] = UNKNOWN_OPTION
            continue
        scores[question.pk] = option.score
        chosen[question.pk] = option
    return scores, chosen, errors


@transaction.atomic
def assessment_submit(
    *,
    questionnaire: Questionnaire,
    answers: dict[int, str],
    profile: str,
    user=None,
    organisation=None,
    territory=None,
    is_demo: bool = False,
) -> Assessment:
    """Score and store one assessment. Answers to conditional questions whose condition does not
    hold are dropped; every question that is asked needs an answer."""
    if not questionnaire.is_current:
        raise DomainError(OLD_VERSION)
    if profile not in AudienceProfile.values:
        raise DomainError(UNKNOWN_PROFILE)
    questions = questionnaire_questions(questionnaire)
    specs = question_specs(questions)
    scores, chosen, errors = _resolve(questions, answers)
    for spec in specs:
        if spec.key not in scores and spec.key not in errors and scoring.is_asked(spec, scores):
            errors[spec.key] = ANSWER_MISSING
    if errors:
        raise AnswerErrors(errors)
    per_axis = scoring.axis_scores(specs, scores)
    overall = scoring.overall_score(per_axis)
    assessment = Assessment.objects.create(
        questionnaire=questionnaire,
        user=user if user is not None and user.is_authenticated else None,
        organisation=organisation,
        territory=territory,
        profile=profile,
        overall=overall,
        maturity=maturity_for_score(overall),
        is_demo=is_demo,
    )
    asked = {spec.key for spec in specs if scoring.is_asked(spec, scores)}
    Answer.objects.bulk_create(
        Answer(
            assessment=assessment,
            question_id=key,
            option=chosen[key],
            not_applicable=chosen[key] is None,
        )
        for key in chosen
        if key in asked
    )
    AssessmentScore.objects.bulk_create(
        AssessmentScore(
            assessment=assessment, axis=axis, score=value, maturity=maturity_for_score(value)
        )
        for axis, value in per_axis.items()
        if value is not None
    )
    return assessment

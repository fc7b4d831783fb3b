"""Writes of the compass: an assessment from answers, with its scores stored per axis."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from alliances.accounts import roles
from alliances.core.errors import DomainError
from alliances.kit import perms, scoring
from alliances.kit.enums import (
    PROFILE_WORLD,
    AudienceProfile,
    QuestionnaireAudience,
    maturity_for_score,
)
from alliances.kit.models import Answer, Assessment, AssessmentScore, Question, Questionnaire
from alliances.registry.enums import Publication
from alliances.registry.models import Organisation

ANSWER_MISSING = _("Answer this question.")
NOT_APPLICABLE_REFUSED = _("“Not applicable” is not an answer to this question.")
UNKNOWN_OPTION = _("This answer is not one of the question’s options.")
UNKNOWN_PROFILE = _("Choose your profile.")
OLD_VERSION = _("This version of the questionnaire is closed; answer the current one.")
NOT_APPLICABLE_ALONE = _("“Not applicable” cannot be combined with other answers.")
ONE_ANSWER_ONLY = _("Choose one answer only.")
TERRITORY_REQUIRED = _("Give the territory you answer for.")
ALLIANCE_REQUIRED = _("Choose a published alliance to evaluate.")
SIGN_IN_REQUIRED = _("Sign in to evaluate an alliance.")
NOT_A_MEMBER = _("This organisation is not a member of the alliance.")
NOT_YOUR_ORGANISATION = _(
    "You do not belong to this organisation: only its members may evaluate the alliance for it."
)
ORGANISATION_REQUIRED = _("Choose the member organisation you answer for.")
MEMBERS_ONLY = _("Only the people of the alliance's member organisations can evaluate it.")
NO_ALLIANCE_HERE = _("Only the alliance evaluation is answered for an alliance.")


class AnswerErrors(DomainError):
    """Some answers are missing or wrong: `errors` maps a question's pk to the reason."""

    def __init__(self, errors: dict[int, str]):
        super().__init__(_("Some answers are missing or invalid."))
        self.errors = errors


def questionnaire_questions(questionnaire: Questionnaire) -> list[Question]:
    return list(
        Question.objects.filter(axis__questionnaire=questionnaire)
        .select_related("axis", "depends_on")
        .prefetch_related("options")
        .order_by("axis__order", "order")
    )


def question_specs(questions: list[Question]) -> list[scoring.QuestionSpec]:
    return [
        scoring.QuestionSpec(
            key=question.pk,
            axis=question.axis.code,
            max_score=question.maximum(),
            depends_on=question.depends_on_id,
            min_score=question.depends_on_min_score,
            multiple=question.is_multiple,
        )
        for question in questions
    ]


def _values(raw) -> list[str]:
    """A raw answer as a list of non-empty texts: one option pk, several, or "na"."""
    if raw is None:
        return []
    if isinstance(raw, (list, tuple)):
        values = [str(value).strip() for value in raw]
    else:
        values = [str(raw).strip()]
    return [value for value in values if value]


def _resolve(questions: list[Question], raw: dict) -> tuple[dict, dict, dict]:
    """Raw answers (option pk as text, a list of them for multiple choice, or "na") →
    (scores, chosen options, errors). A score is an int (single choice) or a tuple of ints
    (multiple choice); chosen is None ("not applicable"), an option or a list of options."""
    scores, chosen, errors = {}, {}, {}
    for question in questions:
        values = _values(raw.get(question.pk))
        if not values:
            continue
        if scoring.NOT_APPLICABLE in values:
            if not question.allows_not_applicable:
                errors[question.pk] = NOT_APPLICABLE_REFUSED
            elif len(values) > 1:
                errors[question.pk] = NOT_APPLICABLE_ALONE
            else:
                scores[question.pk] = scoring.NOT_APPLICABLE
                chosen[question.pk] = None
            continue
        if len(values) > 1 and not question.is_multiple:
            errors[question.pk] = ONE_ANSWER_ONLY
            continue
        by_pk = {str(option.pk): option for option in question.options.all()}
        options = [by_pk.get(value) for value in dict.fromkeys(values)]
        if None in options:
            errors[question.pk] = UNKNOWN_OPTION
            continue
        if question.is_multiple:
            scores[question.pk] = tuple(option.score for option in options)
            chosen[question.pk] = options
        else:
            scores[question.pk] = options[0].score
            chosen[question.pk] = options[0]
    return scores, chosen, errors


def _check_context(questionnaire, *, user, alliance, territory, organisation):
    """Who and what an assessment is about, by audience (raises a DomainError). Returns the
    organisation answered for: for an alliance evaluation, the member organisation the person
    belongs to (the only one when they give none)."""
    if questionnaire.audience == QuestionnaireAudience.ALLIANCE:
        if user is None or not user.is_authenticated:
            raise DomainError(SIGN_IN_REQUIRED)
        if alliance is None or alliance.publication != Publication.PUBLISHED:
            raise DomainError(ALLIANCE_REQUIRED)
        if organisation is None:
            eligible = perms.evaluating_organisations(user, alliance)
            if len(eligible) != 1:
                raise DomainError(ORGANISATION_REQUIRED if eligible else MEMBERS_ONLY)
            return Organisation.objects.get(pk=eligible[0])
        if not alliance.memberships.filter(organisation=organisation).exists():
            raise DomainError(NOT_A_MEMBER)
        if organisation.pk not in roles.scopes(user).organisations:
            raise DomainError(NOT_YOUR_ORGANISATION)
        return organisation
    if alliance is not None:
        raise DomainError(NO_ALLIANCE_HERE)
    if questionnaire.audience == QuestionnaireAudience.TERRITORY and territory is None:
        raise DomainError(TERRITORY_REQUIRED)
    return organisation


def _answer_rows(assessment, chosen: dict, asked: set) -> None:
    rows, multiple = [], []
    for key, choice in chosen.items():
        if key not in asked:
            continue
        row = Answer(
            assessment=assessment,
            question_id=key,
            option=choice if not isinstance(choice, list) else None,
            not_applicable=choice is None,
        )
        rows.append(row)
        if isinstance(choice, list):
            multiple.append((row, choice))
    Answer.objects.bulk_create(rows)
    if multiple:
        through = Answer.options.through
        through.objects.bulk_create(
            through(answer_id=row.pk, option_id=option.pk)
            for row, options in multiple
            for option in options
        )


@transaction.atomic
def assessment_submit(
    *,
    questionnaire: Questionnaire,
    answers: dict,
    profile: str,
    user=None,
    organisation=None,
    territory=None,
    alliance=None,
    is_demo: bool = False,
) -> Assessment:
    """Score and store one assessment. `answers`: question pk → option pk (text), a list of
    option pks (multiple choice) or "na". Answers to conditional questions whose condition does
    not hold are dropped; every question that is asked needs an answer.

    Without a territory, the organisation's commune (or département) is recorded; the world of
    the assessment is the organisation's, or else the one of the profile."""
    if not questionnaire.is_current:
        raise DomainError(OLD_VERSION)
    if profile not in AudienceProfile.values:
        raise DomainError(UNKNOWN_PROFILE)
    organisation = _check_context(
        questionnaire, user=user, alliance=alliance, territory=territory, organisation=organisation
    )
    questions = questionnaire_questions(questionnaire)
    specs = question_specs(questions)
    scores, chosen, errors = _resolve(questions, answers)
    points = scoring.points_by_question(specs, scores)
    for spec in specs:
        if spec.key not in scores and spec.key not in errors and scoring.is_asked(spec, points):
            errors[spec.key] = ANSWER_MISSING
    if errors:
        raise AnswerErrors(errors)
    per_axis = scoring.axis_scores(specs, scores)
    overall = scoring.overall_score(per_axis)
    if territory is None and organisation is not None:
        territory = organisation.commune or organisation.departement
    assessment = Assessment.objects.create(
        questionnaire=questionnaire,
        user=user if user is not None and user.is_authenticated else None,
        organisation=organisation,
        territory=territory,
        alliance=alliance,
        world=organisation.world if organisation is not None else PROFILE_WORLD[profile],
        profile=profile,
        overall=overall,
        maturity=maturity_for_score(overall),
        is_demo=is_demo,
    )
    _answer_rows(assessment, chosen, {spec.key for spec in specs if scoring.is_asked(spec, points)})
    AssessmentScore.objects.bulk_create(
        AssessmentScore(
            assessment=assessment, axis=axis, score=value, maturity=maturity_for_score(value)
        )
        for axis, value in per_axis.items()
        if value is not None
    )
    return assessment

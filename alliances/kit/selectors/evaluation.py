"""Reads of the partnership evaluation of an alliance by its members."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from alliances.kit import scoring
from alliances.kit.enums import QuestionnaireAudience, axis_label
from alliances.kit.models import Assessment, Questionnaire
from alliances.kit.selectors.compass import _latest_per_respondent, _scores_by_axis


@dataclass(frozen=True)
class AngleMean:
    axis: str
    label: str
    mean: Decimal


@dataclass(frozen=True)
class AllianceEvaluation:
    """The members' evaluation of an alliance: how many answered and, from the minimum on, the
    mean per angle (`angles` is empty below it)."""

    questionnaire: Questionnaire | None
    respondents: int
    minimum: int
    angles: list[AngleMean]
    overall: Decimal | None

    @property
    def is_shown(self) -> bool:
        return bool(self.angles)


def evaluation_questionnaire() -> Questionnaire | None:
    return (
        Questionnaire.objects.filter(audience=QuestionnaireAudience.ALLIANCE, is_current=True)
        .order_by("slug")
        .first()
    )


def alliance_evaluation(alliance, minimum: int | None = None) -> AllianceEvaluation:
    """Mean per angle of the members' latest evaluations (every version of the questionnaire:
    the angles are stable codes), shown only from `KIT_EVALUATION_MINIMUM` respondents."""
    minimum = settings.KIT_EVALUATION_MINIMUM if minimum is None else minimum
    questionnaire = evaluation_questionnaire()
    evaluations = Assessment.objects.filter(
        alliance=alliance, questionnaire__audience=QuestionnaireAudience.ALLIANCE
    ).order_by("-created_at", "-pk")
    latest = _latest_per_respondent(evaluations)
    if len(latest) < minimum:
        return AllianceEvaluation(questionnaire, len(latest), minimum, [], None)
    by_axis = _scores_by_axis([row["pk"] for row in latest])
    names = {axis.code: axis.name for axis in questionnaire.axes.all()} if questionnaire else {}
    order = list(names) + [code for code in by_axis if code not in names]
    angles = [
        AngleMean(code, names.get(code) or axis_label(code), scoring.mean(by_axis[code]))
        for code in order
        if by_axis.get(code)
    ]
    overall = scoring.mean([row["overall"] for row in latest])
    return AllianceEvaluation(questionnaire, len(latest), minimum, angles, overall)


def user_evaluation(alliance, user) -> Assessment | None:
    if not user.is_authenticated:
        return None
    return (
        Assessment.objects.filter(alliance=alliance, user=user)
        .order_by("-created_at", "-pk")
        .first()
    )

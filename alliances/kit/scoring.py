"""Compass arithmetic, pure: from answers to a score per axis and an overall score.

Rules (also in docs/kit.md):
- a single-choice question (a choice, a scale, yes/no) scores the chosen option's score; its
  maximum is its best option's score;
- a multiple-choice question scores the sum of the chosen options' scores, capped at its
  maximum; its maximum is the cap the questionnaire gives it, or else the sum of all its options;
- a question counts only when its condition holds (no condition, or the question it depends on
  scored at least `min_score`);
- "not applicable" removes the question from both the points and the maximum;
- an axis scores 100 × points / maximum, rounded half up to one decimal; an axis whose questions
  are all "not applicable" (or conditional and not asked) has no score;
- the overall score is the plain mean of the axis scores that exist: every axis weighs the same.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

NOT_APPLICABLE = "na"
ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True)
class QuestionSpec:
    key: int
    axis: str
    max_score: int
    depends_on: int | None = None
    min_score: int = 1
    multiple: bool = False


def question_points(question: QuestionSpec, answer) -> int | str | None:
    """Points of one answer: an option's score, a tuple of scores (multiple choice: their sum,
    capped at the maximum), "na", or None (no answer)."""
    if answer is None or answer == NOT_APPLICABLE:
        return answer
    if question.multiple:
        return min(sum(answer), question.max_score)
    return answer


def points_by_question(questions: list[QuestionSpec], answers: dict) -> dict:
    """key → points, "na" or None, for every question (asked or not)."""
    return {
        question.key: question_points(question, answers.get(question.key)) for question in questions
    }


def is_asked(question: QuestionSpec, points: dict) -> bool:
    """Whether the question applies given the points of the other answers."""
    if question.depends_on is None:
        return True
    parent = points.get(question.depends_on)
    return isinstance(parent, int) and parent >= question.min_score


def _round(value: Decimal) -> Decimal:
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def axis_scores(questions: list[QuestionSpec], answers: dict) -> dict[str, Decimal | None]:
    """Score per axis, in the order axes first appear in `questions`. `answers`: key → score,
    tuple of scores (multiple choice) or "na"."""
    points_of = points_by_question(questions, answers)
    points: dict[str, int] = {}
    maximum: dict[str, int] = {}
    for question in questions:
        points.setdefault(question.axis, 0)
        maximum.setdefault(question.axis, 0)
        value = points_of[question.key]
        if not is_asked(question, points_of) or value == NOT_APPLICABLE or value is None:
            continue
        points[question.axis] += value
        maximum[question.axis] += question.max_score
    return {
        axis: _round(Decimal(100 * points[axis]) / maximum[axis]) if maximum[axis] else None
        for axis in points
    }


def overall_score(per_axis: dict[str, Decimal | None]) -> Decimal:
    values = [value for value in per_axis.values() if value is not None]
    if not values:
        return Decimal("0.0")
    return _round(sum(values, Decimal(0)) / len(values))


def mean(values: list[Decimal]) -> Decimal:
    """Plain mean rounded half up to one decimal (the aggregates use it)."""
    return _round(sum(values, Decimal(0)) / len(values))


def percentile_rank(value: Decimal, others: list[Decimal]) -> int:
    """Share of `others` below `value` (ties count half), in whole percent."""
    if not others:
        return 0
    below = sum(1 for other in others if other < value)
    equal = sum(1 for other in others if other == value)
    return int(
        (Decimal(100) * (below + Decimal(equal) / 2) / len(others)).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )
    )

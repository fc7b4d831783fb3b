from decimal import Decimal

from alliances.kit.enums import maturity_for_score
from alliances.kit.scoring import (
    NOT_APPLICABLE,
    QuestionSpec,
    axis_scores,
    overall_score,
    percentile_rank,
)

QUESTIONS = [
    QuestionSpec(1, "vision", 3),
    QuestionSpec(2, "vision", 3),
    QuestionSpec(3, "governance", 3),
    QuestionSpec(4, "governance", 3, depends_on=3, min_score=2),
    QuestionSpec(5, "means", 4),
    QuestionSpec(6, "means", 4),
]


def test_axis_score_is_points_over_maximum():
    scores = {1: 3, 2: 1, 3: 3, 4: 2, 5: 1, 6: 2}
    result = axis_scores(QUESTIONS, scores)
    # vision 4/6, governance 5/6, means 3/8
    assert result == {
        "vision": Decimal("66.7"),
        "governance": Decimal("83.3"),
        "means": Decimal("37.5"),
    }
    # mean of 66.7, 83.3, 37.5 = 187.5 / 3 = 62.5
    assert overall_score(result) == Decimal("62.5")


def test_not_applicable_leaves_points_and_maximum():
    result = axis_scores(QUESTIONS, {1: 2, 2: 2, 3: 3, 4: 3, 5: NOT_APPLICABLE, 6: 3})
    assert result["means"] == Decimal("75.0")  # 3 / 4 only


def test_axis_all_not_applicable_has_no_score_and_is_left_out_of_the_mean():
    result = axis_scores(QUESTIONS, {1: 3, 2: 3, 3: 0, 5: NOT_APPLICABLE, 6: NOT_APPLICABLE})
    assert result["means"] is None
    # governance: question 4 is not asked (question 3 scored 0 < 2) → 0 / 3
    assert result["governance"] == Decimal("0.0")
    assert overall_score(result) == Decimal("50.0")  # (100 + 0) / 2


def test_unmet_condition_ignores_an_answer_given_anyway():
    result = axis_scores(QUESTIONS, {1: 0, 2: 0, 3: 1, 4: 3, 5: 0, 6: 0})
    assert result["governance"] == Decimal("33.3")  # only question 3: 1 / 3


def test_rounding_is_half_up():
    specs = [QuestionSpec(1, "vision", 8)]
    assert axis_scores(specs, {1: 1})["vision"] == Decimal("12.5")
    assert overall_score({"a": Decimal("0.1"), "b": Decimal("0.2")}) == Decimal("0.2")  # 0.15


def test_maturity_bands():
    assert [maturity_for_score(v) for v in (0, 24.9, 25, 49.9, 50, 74.9, 75, 100)] == [
        "discover",
        "discover",
        "start",
        "start",
        "structure",
        "structure",
        "scale",
        "scale",
    ]


def test_percentile_counts_ties_as_half():
    others = [Decimal(v) for v in (10, 20, 30, 40)]
    assert percentile_rank(Decimal(30), others) == 63  # (2 + 0.5) / 4 = 62.5 → 63
    assert percentile_rank(Decimal(5), others) == 0
    assert percentile_rank(Decimal(50), others) == 100


MULTIPLE = [
    QuestionSpec(1, "means", 3, multiple=True),  # five options of 1 point, capped at 3
    QuestionSpec(2, "means", 3),
    QuestionSpec(3, "vision", 6, multiple=True),  # no cap: the sum of its options (1 + 2 + 3)
    QuestionSpec(4, "vision", 3, depends_on=3, min_score=3),
]


def test_multiple_choice_sums_the_chosen_scores_capped_at_the_maximum():
    # means: min(1+1+1+1, 3) = 3, plus 2 → 5 / 6 = 83.3
    # vision: 1 + 2 = 3 → question 4 asked (3 ≥ 3), scores 3 → 6 / 9 = 66.7
    result = axis_scores(MULTIPLE, {1: (1, 1, 1, 1), 2: 2, 3: (1, 2), 4: 3})
    assert result == {"means": Decimal("83.3"), "vision": Decimal("66.7")}
    assert overall_score(result) == Decimal("75.0")  # (83.3 + 66.7) / 2


def test_a_condition_on_a_multiple_choice_uses_its_capped_sum():
    # vision: question 3 scores 2 < 3, so question 4 is not asked: 2 / 6 = 33.3
    result = axis_scores(MULTIPLE, {1: (1,), 2: 0, 3: (2,), 4: 3})
    assert result == {"means": Decimal("16.7"), "vision": Decimal("33.3")}  # means 1 / 6


def test_multiple_choice_not_applicable_and_none_chosen():
    result = axis_scores(MULTIPLE, {1: NOT_APPLICABLE, 2: 3, 3: (0,), 4: 3})
    assert result == {"means": Decimal("100.0"), "vision": Decimal("0.0")}

import numpy as np
import pandas as pd
import pytest

from alliances.studies import errors
from alliances.studies.errors import StudyError
from alliances.studies.weighting import rake


def sample() -> pd.DataFrame:
    """400 respondents: too many women and older people compared with the targets."""
    rng = np.random.default_rng(7)
    return pd.DataFrame(
        {
            "sex": rng.choice(["1", "2"], 400, p=[0.35, 0.65]),
            "age": rng.choice(["1", "2", "3"], 400, p=[0.15, 0.45, 0.40]),
            "area": rng.choice(["urban", "rural"], 400, p=[0.6, 0.4]),
        }
    )


TARGETS = {
    "sex": {"1": 48.0, "2": 52.0},
    "age": {"1": 27.0, "2": 48.0, "3": 25.0},
    "area": {"urban": 78.0, "rural": 22.0},
}


def test_raking_reproduces_every_target_margin_and_reports_the_kish_design_effect():
    codes = sample()
    result = rake(codes, TARGETS)
    weights = result.weights
    assert result.converged
    assert weights.mean() == pytest.approx(1.0)
    for variable, shares in TARGETS.items():
        for code, share in shares.items():
            achieved = weights[codes[variable] == code].sum() / weights.sum() * 100
            assert achieved == pytest.approx(share, abs=0.1)
    # Independent computation of Kish's design effect and effective sample size.
    n = len(weights)
    deff = n * (weights**2).sum() / weights.sum() ** 2
    assert result.design_effect == pytest.approx(deff)
    assert result.effective_sample_size == pytest.approx(weights.sum() ** 2 / (weights**2).sum())
    assert result.design_effect > 1.05
    assert 1 < result.iterations < 1000
    assert result.margins["sex"][0] == {
        "code": "1",
        "target": 48.0,
        "sample": pytest.approx((codes["sex"] == "1").mean() * 100),
        "weighted": pytest.approx(48.0, abs=0.1),
    }


def test_one_margin_gives_the_closed_form_ratio_of_target_to_sample_share():
    codes = pd.DataFrame({"sex": ["1"] * 30 + ["2"] * 70})
    result = rake(codes, {"sex": {"1": 50.0, "2": 50.0}})
    assert result.weights[:30] == pytest.approx([0.5 / 0.3] * 30)
    assert result.weights[30:] == pytest.approx([0.5 / 0.7] * 70)


def test_trimming_caps_the_weights_and_counts_the_trimmed():
    codes = pd.DataFrame({"sex": ["1"] * 10 + ["2"] * 90, "age": (["1", "2"] * 50)})
    targets = {"sex": {"1": 30.0, "2": 70.0}, "age": {"1": 50.0, "2": 50.0}}
    free = rake(codes, targets)
    assert free.weights.max() == pytest.approx(3.0)
    with pytest.raises(StudyError) as raised:
        rake(codes, targets, cap=2.0)
    assert "did not converge" in str(raised.value)
    looser = rake(codes, targets, cap=3.5)
    assert looser.weights.max() <= 3.5 + 1e-6
    assert looser.trimmed == 0


def test_non_convergence_is_a_clear_error():
    codes = pd.DataFrame({"sex": ["1"] * 5 + ["2"] * 95})
    with pytest.raises(StudyError) as raised:
        rake(codes, {"sex": {"1": 60.0, "2": 40.0}}, cap=1.5)
    message = str(raised.value)
    assert "did not converge" in message
    assert "percentage points away from the targets" in message


@pytest.mark.parametrize(
    ("targets", "message"),
    [
        ({"sex": {"1": 40.0, "2": 50.0}}, errors.TARGETS_DO_NOT_SUM),
        ({"sex": {"1": 40.0, "2": 50.0, "3": 10.0}}, errors.TARGET_WITHOUT_RESPONDENTS),
        ({"sex": {"1": 100.0}}, errors.RESPONDENT_CODE_WITHOUT_TARGET),
        ({"sex": {}}, errors.MARGIN_WITHOUT_TARGETS),
        ({}, errors.NO_MARGINS),
    ],
)
def test_impossible_targets_are_refused_before_raking(targets, message):
    codes = pd.DataFrame({"sex": ["1", "2", "2", "1"]})
    with pytest.raises(StudyError) as raised:
        rake(codes, targets)
    first_words = str(message).split("%")[0][:20]
    assert first_words in str(raised.value)


def test_a_cap_not_above_the_mean_weight_is_refused():
    codes = pd.DataFrame({"sex": ["1", "2"]})
    with pytest.raises(StudyError, match="greater than 1"):
        rake(codes, {"sex": {"1": 50.0, "2": 50.0}}, cap=1.0)

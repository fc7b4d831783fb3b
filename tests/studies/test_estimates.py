import numpy as np
import pytest
from statsmodels.stats.contingency_tables import Table
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.weightstats import DescrStatsW

from alliances.studies.estimates import crosstab, weighted_proportions


def constructed_sample():
    """100 respondents: 40 weighted 2 (30 say yes), 60 weighted 1 (15 say yes), 5 unanswered."""
    values = ["yes"] * 30 + ["no"] * 10 + ["yes"] * 15 + ["no"] * 45 + [None] * 5
    weights = [2.0] * 40 + [1.0] * 60 + [3.0] * 5
    return values, weights


def test_weighted_proportion_interval_and_design_effect_equal_the_closed_form():
    values, weights = constructed_sample()
    yes, no = weighted_proportions(values, weights, ["yes", "no"])
    # Closed form: Σw = 140, weighted yes = 75, Σw² = 220, n = 100 answered.
    assert yes.share == pytest.approx(75 / 140 * 100)
    assert no.share == pytest.approx(65 / 140 * 100)
    assert yes.base == 100
    assert yes.design_effect == pytest.approx(100 * 220 / 140**2)
    assert yes.effective_base == pytest.approx(140**2 / 220)
    # Second library: the same point estimate, and the normal interval at the effective n.
    answered = np.array([1.0] * 30 + [0.0] * 10 + [1.0] * 15 + [0.0] * 45)
    assert DescrStatsW(answered, weights=weights[:100]).mean * 100 == pytest.approx(yes.share)
    n_eff = 140**2 / 220
    low, high = proportion_confint(75 / 140 * n_eff, n_eff, alpha=0.05, method="normal")
    assert yes.ci_low == pytest.approx(low * 100)
    assert yes.ci_high == pytest.approx(high * 100)


def test_equal_weights_give_the_simple_binomial_interval():
    values = ["a"] * 25 + ["b"] * 75
    (a,) = weighted_proportions(values, [1.0] * 100, ["a"])
    assert a.design_effect == pytest.approx(1.0)
    low, high = proportion_confint(25, 100, alpha=0.05, method="normal")
    assert (a.ci_low, a.ci_high) == (pytest.approx(low * 100), pytest.approx(high * 100))


def test_crosstab_test_equals_pearson_chi_square_with_equal_weights_and_hides_small_groups():
    rng = np.random.default_rng(3)
    groups = ["north"] * 200 + ["south"] * 200 + ["island"] * 12
    values = (
        list(rng.choice(["yes", "no"], 200, p=[0.7, 0.3]))
        + list(rng.choice(["yes", "no"], 200, p=[0.5, 0.5]))
        + ["yes"] * 12
    )
    result = crosstab(values, groups, [1.0] * len(values), ["yes", "no"], min_cell_size=30)
    by_group = {group.group: group for group in result.groups}
    assert by_group["island"].proportions is None
    assert by_group["island"].base == 12
    counts = np.array(
        [
            [
                sum(1 for v, g in zip(values, groups, strict=True) if g == grp and v == code)
                for code in ("yes", "no")
            ]
            for grp in ("north", "south")
        ]
    )
    pearson = Table(counts).test_nominal_association()
    assert result.chi2 == pytest.approx(pearson.statistic)
    assert result.p_value == pytest.approx(pearson.pvalue)
    assert result.degrees_of_freedom == 1
    assert result.significant
    north_yes = by_group["north"].proportions[0]
    assert north_yes.share == pytest.approx(counts[0, 0] / 200 * 100)


def test_crosstab_with_unequal_weights_divides_the_statistic_by_the_design_effect():
    values = ["yes"] * 60 + ["no"] * 40 + ["yes"] * 40 + ["no"] * 60
    groups = ["a"] * 100 + ["b"] * 100
    weights = [1.0, 3.0] * 100
    result = crosstab(values, groups, weights, ["yes", "no"], min_cell_size=30)
    w = np.array(weights)
    deff = len(w) * (w**2).sum() / w.sum() ** 2
    table = np.array(
        [
            [w[:60].sum(), w[60:100].sum()],
            [w[100:140].sum(), w[140:].sum()],
        ]
    )
    pearson = Table(table / table.sum() * len(w)).test_nominal_association()
    assert result.chi2 == pytest.approx(pearson.statistic / deff)

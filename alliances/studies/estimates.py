"""Weighted estimates from microdata: proportions with 95% intervals, cross-tabs, by région.

Intervals account for the unequal weights through Kish's design effect: the variance of a
weighted proportion is p(1 − p) / n_eff, with n_eff = n / deff = (Σw)² / Σw². Cross-tabs test the
independence of answer and subgroup with Pearson's chi-square on the weighted table scaled to the
effective sample size (a first-order Rao–Scott correction).

Two interval methods, both on the effective sample size: the normal approximation (Wald),
p ± z √(p(1 − p) / n_eff), and Wilson's score interval, which stays inside [0, 1], is never of
zero width at 0 % or 100 %, and keeps its coverage for small subgroups and extreme shares:
(p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n) with n = n_eff.
"""

from dataclasses import dataclass

import numpy as np
from scipy import stats

from alliances.studies.weighting import kish_design_effect

Z_95 = float(stats.norm.ppf(0.975))
SIGNIFICANCE_LEVEL = 0.05
WALD = "wald"
WILSON = "wilson"


def interval(p: float, n_eff: float, method: str = WALD) -> tuple[float, float]:
    """The 95% interval of a share `p` (0–1) on an effective sample size, as (low, high) in 0–1."""
    if method == WILSON:
        z2 = Z_95**2
        denominator = 1 + z2 / n_eff
        centre = (p + z2 / (2 * n_eff)) / denominator
        half = Z_95 * np.sqrt(p * (1 - p) / n_eff + z2 / (4 * n_eff**2)) / denominator
        return max(0.0, centre - half), min(1.0, centre + half)
    if method != WALD:
        raise ValueError(f"unknown interval method {method!r}")
    half = Z_95 * np.sqrt(p * (1 - p) / n_eff)
    return max(0.0, p - half), min(1.0, p + half)


@dataclass(frozen=True)
class Proportion:
    code: str
    share: float  # percent
    ci_low: float
    ci_high: float
    base: int
    effective_base: float
    design_effect: float


@dataclass(frozen=True)
class GroupResult:
    group: str
    base: int
    proportions: list[Proportion] | None  # None when the base is below the minimum cell size


@dataclass(frozen=True)
class CrossTab:
    groups: list[GroupResult]
    chi2: float | None
    degrees_of_freedom: int | None
    p_value: float | None

    @property
    def significant(self) -> bool:
        return self.p_value is not None and self.p_value < SIGNIFICANCE_LEVEL


def _answered(values, weights) -> tuple[np.ndarray, np.ndarray]:
    values = np.asarray(values, dtype=object)
    weights = np.asarray(weights, dtype=float)
    mask = np.array([value is not None and value == value for value in values], dtype=bool)
    return values[mask], weights[mask]


def weighted_proportions(
    values, weights, codes: list[str], *, method: str = WALD
) -> list[Proportion]:
    """The weighted share of each code among the respondents who answered, with 95% intervals."""
    values, weights = _answered(values, weights)
    base = len(values)
    if base == 0:
        return []
    deff = kish_design_effect(weights)
    n_eff = base / deff
    total = weights.sum()
    results = []
    for code in codes:
        p = float(weights[values == code].sum() / total)
        low, high = interval(p, n_eff, method)
        results.append(
            Proportion(
                code=code,
                share=p * 100,
                ci_low=low * 100,
                ci_high=high * 100,
                base=base,
                effective_base=n_eff,
                design_effect=deff,
            )
        )
    return results


def crosstab(
    values, groups, weights, codes: list[str], *, min_cell_size: int, method: str = WALD
) -> CrossTab:
    """Proportions by subgroup, groups under `min_cell_size` respondents suppressed, and the test
    of independence between answer and subgroup over the groups shown."""
    values = np.asarray(values, dtype=object)
    groups = np.asarray(groups, dtype=object)
    weights = np.asarray(weights, dtype=float)
    answered = np.array([v is not None and v == v for v in values], dtype=bool)
    answered &= np.array([g is not None and g == g for g in groups], dtype=bool)
    values, groups, weights = values[answered], groups[answered], weights[answered]
    results, shown = [], []
    for group in sorted(set(groups.tolist())):
        in_group = groups == group
        base = int(in_group.sum())
        if base < min_cell_size:
            results.append(GroupResult(group=group, base=base, proportions=None))
            continue
        shown.append(group)
        results.append(
            GroupResult(
                group=group,
                base=base,
                proportions=weighted_proportions(
                    values[in_group], weights[in_group], codes, method=method
                ),
            )
        )
    chi2 = dof = p_value = None
    keep = np.isin(groups, shown)
    if len(shown) >= 2:
        table = np.array(
            [[weights[keep & (groups == g) & (values == c)].sum() for c in codes] for g in shown]
        )
        table = table[:, table.sum(axis=0) > 0]
        if table.shape[1] >= 2:
            n_eff = keep.sum() / kish_design_effect(weights[keep])
            scaled = table / table.sum() * n_eff
            expected = np.outer(scaled.sum(axis=1), scaled.sum(axis=0)) / scaled.sum()
            chi2 = float(((scaled - expected) ** 2 / expected).sum())
            dof = (scaled.shape[0] - 1) * (scaled.shape[1] - 1)
            p_value = float(stats.chi2.sf(chi2, dof))
    return CrossTab(groups=results, chi2=chi2, degrees_of_freedom=dof, p_value=p_value)

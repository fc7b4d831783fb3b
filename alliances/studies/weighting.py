"""Raking (iterative proportional fitting) of a wave on chosen margins, with trimming.

The raking itself is weightipy's RIM algorithm; this module checks the targets before, and the
achieved margins after, so that impossible targets and non-convergence give a clear error rather
than quietly wrong weights.
"""

import contextlib
import io
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import weightipy

from alliances.studies import errors
from alliances.studies.errors import StudyError

DEFAULT_MAX_ITERATIONS = 1000
# Largest gap between a weighted margin and its target, in percentage points, to call it reached.
DEFAULT_TOLERANCE = 0.1
# Targets may be rounded when typed in: accept a sum within this many points of 100.
SUM_TOLERANCE = 0.05


@dataclass(frozen=True)
class RakingResult:
    weights: np.ndarray
    iterations: int
    converged: bool
    max_margin_error: float
    design_effect: float
    effective_sample_size: float
    trimmed: int
    margins: dict[str, list[dict]] = field(default_factory=dict)


def kish_design_effect(weights: np.ndarray) -> float:
    """Kish's design effect due to unequal weights: n Σw² / (Σw)²."""
    weights = np.asarray(weights, dtype=float)
    return float(len(weights) * np.sum(weights**2) / np.sum(weights) ** 2)


def _check_targets(codes: pd.DataFrame, targets: dict[str, dict[str, float]]) -> None:
    if not targets:
        raise StudyError(errors.NO_MARGINS)
    for variable, shares in targets.items():
        if not shares:
            raise StudyError(errors.MARGIN_WITHOUT_TARGETS % {"variable": variable})
        total = sum(shares.values())
        if abs(total - 100) > SUM_TOLERANCE:
            raise StudyError(
                errors.TARGETS_DO_NOT_SUM % {"variable": variable, "total": f"{total:g}"}
            )
        column = codes[variable]
        if column.isna().all():
            raise StudyError(errors.VARIABLE_MISSING % {"variable": variable})
        present = column.value_counts(dropna=False)
        for code, share in shares.items():
            if share > 0 and present.get(code, 0) == 0:
                raise StudyError(
                    errors.TARGET_WITHOUT_RESPONDENTS
                    % {"variable": variable, "code": code, "share": f"{share:g}"}
                )
        for code, count in present.items():
            if pd.isna(code) or code not in shares:
                raise StudyError(
                    errors.RESPONDENT_CODE_WITHOUT_TARGET
                    % {"variable": variable, "code": "" if pd.isna(code) else code, "count": count}
                )


def achieved_margins(
    codes: pd.DataFrame, weights: np.ndarray, targets: dict[str, dict[str, float]]
) -> dict[str, list[dict]]:
    """For each margin, the sample, target and weighted share of each code, in percent."""
    total = float(np.sum(weights))
    report = {}
    for variable, shares in targets.items():
        column = codes[variable].to_numpy()
        report[variable] = [
            {
                "code": code,
                "target": float(share),
                "sample": float(np.mean(column == code) * 100),
                "weighted": float(np.sum(weights[column == code]) / total * 100),
            }
            for code, share in shares.items()
        ]
    return report


def rake(
    codes: pd.DataFrame,
    targets: dict[str, dict[str, float]],
    *,
    cap: float | None = None,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
    tolerance: float = DEFAULT_TOLERANCE,
) -> RakingResult:
    """Rake the rows of `codes` (one column of string codes per margin) to the percent targets,
    weights capped at `cap` times the mean weight (trimming) when given.

    Weights come out with mean 1. Raises StudyError when the targets are impossible or the
    margins are not reached within `tolerance` percentage points.
    """
    _check_targets(codes, targets)
    if cap is not None and not cap > 1:
        raise StudyError(errors.BAD_TRIMMING)
    # weightipy wants numeric codes: number each variable's codes in the order of its targets.
    numbered = pd.DataFrame(
        {
            variable: codes[variable].map({code: i for i, code in enumerate(shares, start=1)})
            for variable, shares in targets.items()
        }
    )
    scheme = weightipy.Rim("raking", max_iterations=max_iterations, cap=cap or 0)
    scheme.set_targets(
        [
            {variable: {i: float(share) for i, share in enumerate(shares.values(), start=1)}}
            for variable, shares in targets.items()
        ]
    )
    # weightipy prints its convergence messages; we check convergence ourselves below.
    with contextlib.redirect_stdout(io.StringIO()):
        weights = weightipy.weight(numbered, scheme).to_numpy(dtype=float)
    iterations = int(scheme.groups[scheme._DEFAULT_NAME]["iterations"])
    weights = weights / weights.mean()
    margins = achieved_margins(codes, weights, targets)
    gap = max(abs(row["weighted"] - row["target"]) for rows in margins.values() for row in rows)
    converged = gap <= tolerance
    if not converged:
        raise StudyError(errors.NOT_CONVERGED % {"iterations": iterations, "gap": f"{gap:.2f}"})
    # weightipy caps the weights relative to their mean, which it keeps at 1.
    trimmed = int(np.sum(weights >= cap * (1 - 1e-6))) if cap else 0
    deff = kish_design_effect(weights)
    return RakingResult(
        weights=weights,
        iterations=iterations,
        converged=converged,
        max_margin_error=gap,
        design_effect=deff,
        effective_sample_size=len(weights) / deff,
        trimmed=trimmed,
        margins=margins,
    )

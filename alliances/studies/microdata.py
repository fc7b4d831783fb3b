"""Reading a wave's microdata into memory, for weighting and estimation."""

import numpy as np
import pandas as pd

from alliances.studies.models import Wave


def wave_answers(wave: Wave) -> tuple[list[int], pd.DataFrame, np.ndarray]:
    """The wave's respondents as (ids, one column of codes per variable, weights; 1 if none)."""
    records = list(wave.respondents.order_by("pk").values_list("pk", "answers", "weight"))
    ids = [pk for pk, _answers, _weight in records]
    frame = pd.DataFrame([answers for _pk, answers, _weight in records], dtype=object)
    weights = np.array([1.0 if w is None else w for _pk, _answers, w in records], dtype=float)
    return ids, frame, weights

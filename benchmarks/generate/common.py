"""What every generator uses: weighted random choice."""

import random
from bisect import bisect
from itertools import accumulate


class Picker:
    """Weighted random choice with precomputed cumulative weights (fast for large lists)."""

    def __init__(self, rng: random.Random, items: list, weights: list[float]):
        self.rng, self.items = rng, items
        self.cumulative = list(accumulate(weights))

    def __call__(self):
        return self.items[bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]

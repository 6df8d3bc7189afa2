"""Seeded bootstrap: 95 % percentile intervals that the same seed reproduces exactly.

Neighbouring time slices are not independent (a coded range spans many), so
the recording is resampled in blocks of consecutive time, not slice by slice
(a moving-block bootstrap with fixed blocks); γ resamples its aligned units.
Each replicate is a vector of how often each block (or unit) was drawn, so a
statistic over sums becomes one matrix product for all replicates.
"""

from __future__ import annotations

import numpy as np

REPLICATES = 1000
LEVEL = 0.95


def draw_counts(rng: np.random.Generator, items: int, replicates: int = REPLICATES) -> np.ndarray:
    """(replicates, items): how many times each item is drawn, `items` draws per replicate."""
    if items == 0:
        return np.zeros((replicates, 0))
    picks = rng.integers(0, items, size=(replicates, items))
    picks += np.arange(replicates)[:, None] * items
    return np.bincount(picks.ravel(), minlength=replicates * items).reshape(
        replicates, items).astype(np.float64)


def interval(replicates: np.ndarray, level: float = LEVEL) -> tuple[float | None, float | None]:
    """The percentile interval, or (None, None) when too few replicates are defined."""
    values = np.asarray(replicates, dtype=np.float64)
    values = values[np.isfinite(values)]
    if len(values) < 0.9 * np.size(replicates) or len(values) == 0:
        return None, None
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)

"""Seeded bootstrap: 95 % percentile intervals that the same seed reproduces exactly.

Neighbouring time slices are not independent (a coded range spans many), so
the recording is resampled in blocks of consecutive time, not slice by slice
(a moving-block bootstrap with fixed blocks); γ resamples its aligned units.
Each replicate is a vector of how often each block (or unit) was drawn, so a
statistic over sums becomes one matrix product for all replicates (`resum`).
"""

from __future__ import annotations

import numpy as np

REPLICATES = 1000
LEVEL = 0.95
# OpenBLAS runs a matrix-vector product of more than 2304·4 elements on all its
# threads, which then spin: 0.6 s of CPU per `desk agreement` for products of
# well under 1 ms. Row blocks below that size stay on the calling thread.
SINGLE_THREAD_ELEMENTS = 8192


def draw_counts(rng: np.random.Generator, items: int, replicates: int = REPLICATES) -> np.ndarray:
    """(replicates, items) int64: how many times each item is drawn, `items` draws per replicate."""
    if items == 0:
        return np.zeros((replicates, 0), dtype=np.int64)
    picks = rng.integers(0, items, size=(replicates, items))
    picks += np.arange(replicates)[:, None] * items
    return np.bincount(picks.ravel(), minlength=replicates * items).reshape(
        replicates, items).astype(np.int64)


def resum(counts: np.ndarray, values: np.ndarray) -> np.ndarray:
    """`counts @ values` as float64 (the replicates' sums), without waking BLAS threads.

    Integer values (a vector or a matrix) are summed exactly by NumPy's own
    loop; float values (one per item) by BLAS in blocks of a multiple of 8
    rows, the rows its kernel takes at a time, so each sum is computed as in
    one call (to the bit with this OpenBLAS; within rounding anywhere).
    """
    if np.issubdtype(values.dtype, np.integer):
        return np.asarray(counts @ values, dtype=np.float64)
    weights = counts.astype(np.float64)
    rows = max(8, SINGLE_THREAD_ELEMENTS // max(1, len(values)) // 8 * 8)
    if len(weights) <= rows:
        return np.asarray(weights @ values)
    return np.concatenate([weights[i:i + rows] @ values for i in range(0, len(weights), rows)])


def interval(replicates: np.ndarray, level: float = LEVEL) -> tuple[float | None, float | None]:
    """The percentile interval, or (None, None) when too few replicates are defined."""
    values = np.asarray(replicates, dtype=np.float64)
    values = values[np.isfinite(values)]
    if len(values) < 0.9 * np.size(replicates) or len(values) == 0:
        return None, None
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)

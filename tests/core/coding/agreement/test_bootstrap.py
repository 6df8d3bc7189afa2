"""Seeded resampling counts and percentile intervals."""

from __future__ import annotations

import numpy as np

from desk.core.coding.agreement.bootstrap import draw_counts, interval, resum


def test_each_replicate_draws_as_many_items_as_there_are() -> None:
    counts = draw_counts(np.random.default_rng(1), 7, 500)
    assert counts.shape == (500, 7)
    assert (counts.sum(axis=1) == 7).all()
    assert abs(counts.mean() - 1.0) < 0.05  # every item equally likely
    again = draw_counts(np.random.default_rng(1), 7, 500)
    assert np.array_equal(counts, again)
    assert draw_counts(np.random.default_rng(1), 0, 3).shape == (3, 0)


def test_resummed_replicates_are_the_matrix_product() -> None:
    # Row blocks (to keep OpenBLAS on one thread) must not change a sum beyond rounding.
    rng = np.random.default_rng(3)
    counts = draw_counts(rng, 517, 1000)
    for values in (rng.random(517), rng.random(517)[::-1]):
        np.testing.assert_allclose(resum(counts, values), counts.astype(np.float64) @ values,
                                   rtol=1e-14)
    histogram = rng.integers(0, 300, (517, 8))
    summed = resum(counts, histogram)
    assert summed.dtype == np.float64
    assert np.array_equal(summed, counts.astype(np.float64) @ histogram.astype(np.float64))


def test_percentile_interval() -> None:
    low, high = interval(np.arange(1001, dtype=float) / 1000)
    assert (round(low, 3), round(high, 3)) == (0.025, 0.975)  # type: ignore[arg-type]
    mostly_undefined = np.array([0.5] * 10 + [np.nan] * 90)
    assert interval(mostly_undefined) == (None, None)
    assert interval(np.array([])) == (None, None)

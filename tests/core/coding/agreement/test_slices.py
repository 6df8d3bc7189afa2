"""Time slices: the midpoint rule, the grid, patterns and per-block counts."""

from __future__ import annotations

import numpy as np
import pytest

from desk.core.coding.agreement.slices import (
    block_histograms,
    coverage,
    make_grid,
    patterns,
)
from desk.core.coding.agreement.study import Study
from desk.core.errors import InputError


def test_a_slice_is_coded_when_a_range_covers_its_midpoint() -> None:
    grid = make_grid(1000, 0.1, 10.0)  # ten slices of 100 ms, midpoints 50, 150, …
    assert (grid.count, grid.slice_ms, grid.blocks) == (10, 100, 1)
    covered = coverage(np.array([[40, 151], [350, 351], [940, 1000]]), grid)
    # [40, 151) holds midpoints 50 and 150; [350, 351) holds 350; [940, 1000) holds 950.
    assert np.flatnonzero(covered).tolist() == [0, 1, 3, 9]
    assert not coverage(np.zeros((0, 2), dtype=np.int64), grid).any()


def test_grid_rounds_and_refuses_nonsense() -> None:
    grid = make_grid(7_200_000, 0.1, 30.0)
    assert (grid.count, grid.block_slices, grid.blocks) == (72_000, 300, 240)
    assert make_grid(1050, 0.1, 10.0).count == 11  # the last slice is partial
    with pytest.raises(InputError, match="at least 0.001 s"):
        make_grid(1000, 0.0001, 10.0)
    with pytest.raises(InputError, match="no length"):
        make_grid(0, 0.1, 10.0)


def test_patterns_and_block_counts() -> None:
    ranges = {"t": {"ann": np.array([[0, 300]]), "ben": np.array([[100, 500]])}}
    study = Study(600, ("ann", "ben"), ("t",), ranges)
    grid = make_grid(600, 0.1, 0.3)  # six slices, blocks of three
    pattern = patterns(study, "t", grid)
    assert pattern.tolist() == [1, 3, 3, 2, 2, 0]  # bit 0 ann, bit 1 ben
    counts = block_histograms(pattern, grid, 2)
    assert counts.tolist() == [[0, 1, 0, 2], [1, 0, 2, 0]]


def test_too_many_annotators_at_once_are_refused() -> None:
    names = tuple(f"c{i}" for i in range(13))
    study = Study(100, names, ("t",), {"t": {n: np.zeros((0, 2), np.int64) for n in names}})
    with pytest.raises(InputError, match="at most 12 annotators"):
        patterns(study, "t", make_grid(100, 0.01, 1.0))

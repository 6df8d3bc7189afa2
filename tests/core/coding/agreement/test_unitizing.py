"""α_u against hand-computed examples, and its link to α on positions."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from desk.core.coding.agreement.slices import make_grid
from desk.core.coding.agreement.study import Study
from desk.core.coding.agreement.unitizing import alpha_u, observed_expected, unitizing_blocks


def _study(length: int, **coders: list[tuple[int, int]]) -> Study:
    ranges = {"t": {name: np.array(r, dtype=np.int64).reshape(-1, 2)
                    for name, r in coders.items()}}
    return Study(length, tuple(coders), ("t",), ranges)


def _alpha_u(study: Study, block_seconds: float = 3600.0) -> float:
    grid = make_grid(study.duration_ms, 0.001, block_seconds)
    return float(alpha_u(*observed_expected(unitizing_blocks(study, "t", grid))))


def test_two_coders_by_hand() -> None:
    # A continuum of 10 positions; A codes [2, 6), B codes [3, 7).
    # Coders coding each position: 0 0 1 2 2 2 1 0 0 0 (m = 2).
    # o_01 = 1/(m-1) Σ c (m - c) = 1 + 1 = 2        (positions 2 and 6)
    # l_1. = Σ c = 8, l.. = m L = 20, l_0. = 12
    # S = Σ units l² + Σ gaps l = (16 + 2 + 4) + (16 + 3 + 3) = 44
    # e_01 = l.. l_1. l_0. / (l..² - S) = 20 · 8 · 12 / (400 - 44) = 1920 / 356
    # α_u = 1 - o_01 / e_01 = 1 - 2 · 356 / 1920 = 0.6291666…
    study = _study(10, A=[(2, 6)], B=[(3, 7)])
    assert _alpha_u(study) == pytest.approx(1 - 2 * 356 / 1920, abs=1e-12)


def test_three_coders_by_hand() -> None:
    # A [2, 6), B [3, 7), C [2, 4) on 10 positions; coders per position:
    # 0 0 2 3 2 2 1 0 0 0 (m = 3).
    # o_01 = 1/2 (2·1 + 3·0 + 2·1 + 2·1 + 1·2) = 4
    #   (the same as 1/2 Σ_i≠j |unit_i ∩ gap_j| = 1/2 (1 + 2 + 1 + 3 + 0 + 1))
    # l_1. = 2 + 3 + 2 + 2 + 1 = 10, l.. = 30, l_0. = 20
    # S = A (16 + 2 + 4) + B (16 + 3 + 3) + C (4 + 2 + 6) = 56
    # e_01 = 30 · 10 · 20 / (900 - 56) = 6000 / 844
    # α_u = 1 - 4 · 844 / 6000 = 0.4373333…
    study = _study(10, A=[(2, 6)], B=[(3, 7)], C=[(2, 4)])
    assert _alpha_u(study) == pytest.approx(1 - 4 * 844 / 6000, abs=1e-12)


def test_units_one_position_long_give_alpha_on_positions() -> None:
    """With every unit one position long, α_u is Krippendorff's α on the positions."""
    rng = np.random.default_rng(3)
    length = 400
    positions = np.arange(0, length, 2)  # never adjacent, so units stay one long
    coded = {name: positions[rng.random(len(positions)) < share]
             for name, share in (("A", 0.3), ("B", 0.35), ("C", 0.25))}
    study = _study(length, **{n: [(p, p + 1) for p in c] for n, c in coded.items()})
    matrix = np.zeros((3, length))
    for row, c in enumerate(coded.values()):
        matrix[row, c] = 1
    expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert _alpha_u(study) == pytest.approx(expected, abs=1e-9)


def test_identical_codings_give_one_and_blocks_add_up() -> None:
    study = _study(100_000, A=[(1000, 5000), (20_000, 31_000)],
                   B=[(1000, 5000), (20_000, 31_000)])
    assert _alpha_u(study) == pytest.approx(1.0)
    shifted = _study(100_000, A=[(1000, 5000), (20_000, 31_000), (60_000, 61_000)],
                     B=[(1500, 5200), (19_000, 30_000)])
    whole = _alpha_u(shifted)
    grid = make_grid(shifted.duration_ms, 0.1, 10.0)
    blocks = unitizing_blocks(shifted, "t", grid)
    assert len(blocks.disagreement) == 10
    assert float(alpha_u(*observed_expected(blocks))) == pytest.approx(whole, abs=1e-12)
    # Drawing every block once is the data itself.
    ones = np.ones((1, 10))
    assert float(alpha_u(*observed_expected(blocks, ones))[0]) == pytest.approx(whole)

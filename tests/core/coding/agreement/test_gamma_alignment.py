"""γ's best alignment: hand-computed disorders, and pygamma-agreement's on random continua."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pytest

from desk.core.coding.agreement.gamma_alignment import best_alignment, dissimilarity
from tests.core.coding.agreement.conftest import continuum


def _units(*coders: list[tuple[float, float]]) -> list[np.ndarray]:
    return [np.array(c, dtype=np.float64).reshape(-1, 2) for c in coders]


def test_the_positional_dissimilarity() -> None:
    # ((|Δstart| + |Δend|) / (len u + len v))²: (1 + 3) / (10 + 12) squared.
    value = dissimilarity(np.array([0.0]), np.array([10.0]), np.array([1.0]), np.array([13.0]))
    assert value[0] == pytest.approx((4 / 22) ** 2)


def test_two_coders_by_hand() -> None:
    # A [0, 10) and B [1, 13): paired, d = (4/22)² ≈ 0.033 < 2 (two lone units).
    # Disorder = 0.033 / (2 units / 2 coders) = 0.033.
    paired = best_alignment(_units([(0, 10)], [(1, 13)]))
    assert paired.disorder == pytest.approx((4 / 22) ** 2)
    assert list(paired.sizes) == [2]
    # A [0, 10) and B [30, 40): d = ((30 + 30) / 20)² = 9 > 2: each alone, Δ∅ = 1 each.
    apart = best_alignment(_units([(0, 10)], [(30, 40)]))
    assert apart.disorder == pytest.approx(2.0) and sorted(apart.sizes) == [1, 1]


def test_three_coders_by_hand() -> None:
    # Three identical units: one unitary alignment, disorder 0. Two identical and
    # one far away: the pair costs (0 + Δ∅ + Δ∅) / 3 = 2/3, the lone unit 1;
    # 5/3 over 3 units / 3 coders = 1 unit per coder.
    assert best_alignment(_units([(0, 10)], [(0, 10)], [(0, 10)])).disorder == 0.0
    mixed = best_alignment(_units([(0, 10)], [(0, 10)], [(50, 60)]))
    assert mixed.disorder == pytest.approx(2 / 3 + 1)
    assert sorted(mixed.sizes) == [1, 2]


def test_an_empty_continuum_has_no_disorder() -> None:
    empty = best_alignment(_units([], []))
    assert empty.units == 0 and np.isnan(empty.disorder)


@pytest.mark.slow  # importing pygamma-agreement compiles numba code (~20 s CPU)
def test_best_alignment_matches_pygamma_agreement(pygamma: ModuleType) -> None:
    dissimilarity = pygamma.CombinedCategoricalDissimilarity(alpha=1, beta=1)
    rng = np.random.default_rng(5)
    for case in range(8):
        coders = []
        for _ in range(2 + case % 2):
            k = int(rng.integers(1, 5))
            starts = np.sort(rng.uniform(0, 100, k))
            coders.append(np.round(np.column_stack([starts, starts + rng.uniform(2, 25, k)]), 3))
        expected = continuum(pygamma, coders).get_best_alignment(dissimilarity).disorder
        assert best_alignment(coders).disorder == pytest.approx(expected, rel=1e-5)

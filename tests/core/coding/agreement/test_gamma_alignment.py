"""γ's best alignment: hand-computed disorders, and pygamma-agreement's on random continua."""

from __future__ import annotations

from itertools import combinations, product
from math import comb
from types import ModuleType

import highspy
import numpy as np
import pytest

from desk.core.coding.agreement import gamma, set_partition
from desk.core.coding.agreement.gamma_alignment import Alignment, best_alignment, dissimilarity
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


def _whole_program_alignment(units: list[np.ndarray]) -> Alignment:
    """The best alignment as one unsplit program: every unitary alignment, one integer program.

    No candidate pruning, no closed-form lone units or pairs, no parts solved
    apart: what `best_alignment` must equal after all its shortcuts.
    """
    n = len(units)
    c2 = comb(n, 2)
    offsets = np.cumsum([0] + [len(u) for u in units])
    columns, costs = [], []
    for choice in product(*[range(-1, len(u)) for u in units]):
        picked = [(i, j) for i, j in enumerate(choice) if j >= 0]
        if not picked:
            continue
        d = sum(float(dissimilarity(*units[a][x], *units[b][y]))
                for (a, x), (b, y) in combinations(picked, 2))
        columns.append([int(offsets[i]) + j for i, j in picked])
        costs.append((d + c2 - comb(len(picked), 2)) / c2)
    total = int(offsets[-1])
    solver = highspy.Highs()  # type: ignore[no-untyped-call]
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("mip_rel_gap", 0.0)
    sizes = [len(c) for c in columns]
    solver.passModel(
        len(costs), total, sum(sizes), int(highspy.MatrixFormat.kColwise),
        int(highspy.ObjSense.kMinimize), 0.0, np.array(costs), np.zeros(len(costs)),
        np.ones(len(costs)), np.ones(total), np.ones(total),
        np.concatenate([[0], np.cumsum(sizes)]).astype(np.int32),
        np.concatenate(columns).astype(np.int32), np.ones(sum(sizes)),
        np.ones(len(costs), dtype=np.int32))
    solver.run()
    chosen = np.array(solver.getSolution().col_value) > 0.5
    return Alignment(np.array(costs)[chosen], np.array(sizes)[chosen], n)


def _random_continuum(rng: np.random.Generator, coders: int, fewest: int, most: int,
                      length: float) -> list[np.ndarray]:
    made = []
    for _ in range(coders):
        k = int(rng.integers(fewest, most + 1))
        starts = np.sort(rng.uniform(0, length, k))
        made.append(np.round(np.column_stack([starts, starts + rng.uniform(2, 25, k)]), 3))
    return made


def test_the_split_alignment_equals_the_whole_program_on_random_continua(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Random codings, sparse and dense: the program falls apart into lone units,
    # lone pairs, parts the relaxation settles and (seed 15, case 3) a part it
    # leaves fractional, solved again as an integer program.
    integer_parts = []
    solve = set_partition._solve

    def counting(members: np.ndarray, savings: np.ndarray, total: int,
                 integer: bool) -> np.ndarray:
        integer_parts.append(integer)
        return solve(members, savings, total, integer=integer)

    monkeypatch.setattr(set_partition, "_solve", counting)
    sparse, dense = np.random.default_rng(16), np.random.default_rng(15)
    cases = [_random_continuum(sparse, 2 + case % 3, 2, 5, 120) for case in range(12)]
    cases += [_random_continuum(dense, 3 + case % 2, 3, 5, 60) for case in range(12)]
    for coders in cases:
        ours, whole = best_alignment(coders), _whole_program_alignment(coders)
        assert ours.disorder == pytest.approx(whole.disorder, rel=1e-12)
        assert ours.units == whole.units
    assert True in integer_parts  # the fractional path was taken


def test_gamma_with_the_split_alignment_equals_gamma_with_the_whole_program(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(4)
    coders = _random_continuum(rng, 3, 2, 5, 150)
    split = gamma.gamma_parts(coders, 175, np.random.default_rng(1))
    monkeypatch.setattr(gamma, "best_alignment", _whole_program_alignment)
    whole = gamma.gamma_parts(coders, 175, np.random.default_rng(1))
    assert len(split.expected) == len(whole.expected) >= gamma.MIN_SAMPLES
    np.testing.assert_allclose(split.expected, whole.expected, rtol=1e-12)
    assert split.gamma == pytest.approx(whole.gamma, rel=1e-12)

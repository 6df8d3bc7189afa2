"""The exact set partition: linear relaxation first, integer program where it is fractional."""

from __future__ import annotations

import numpy as np
import pytest

from desk.core.coding.agreement.set_partition import cheapest_partition


def _groups(*groups: tuple[int, ...]) -> np.ndarray:
    width = max(len(g) for g in groups)
    return np.array([list(g) + [-1] * (width - len(g)) for g in groups], dtype=np.int64)


def test_an_integral_relaxation_is_the_answer() -> None:
    members = _groups((0,), (1,), (2,), (0, 1))
    chosen = cheapest_partition(members, np.array([1.0, 1.0, 1.0, 0.5]), 3)
    assert chosen.tolist() == [2, 3]


def test_a_fractional_part_is_solved_as_an_integer_program() -> None:
    # Items 0-2 in an odd cycle of pairs (cost 1 each) beside lone items (cost 1 each):
    # the relaxation takes every pair at one half (cost 1.5); the best partition is
    # one pair and one lone item (cost 2). Items 3-4 are a separate, integral part.
    members = _groups((0,), (1,), (2,), (0, 1), (1, 2), (0, 2), (3,), (4,), (3, 4))
    costs = np.array([1.0, 1, 1, 1, 1, 1, 1, 1, 0.2])
    chosen = cheapest_partition(members, costs, 5)
    assert costs[chosen].sum() == pytest.approx(2.2)
    covered = sorted(int(i) for g in members[chosen] for i in g if i >= 0)
    assert covered == [0, 1, 2, 3, 4]
    assert 8 in chosen.tolist()


def test_the_solver_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    cheapest_partition(_groups((0,), (1,), (0, 1)), np.array([1.0, 1.0, 0.1]), 2)
    out, _ = capfd.readouterr()
    assert out == ""  # HiGHS's banner would corrupt `desk agreement --json`

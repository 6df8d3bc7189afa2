"""γ: perfect agreement, chance, seeds, pooling, intervals; and pygamma-agreement's γ.

pygamma-agreement draws its own random continua for the expected disorder; the
oracle tests hand it Desk's (a sampler that returns them in order), so both
compute γ from the same observed and sampled continua and must agree to
float32 precision (pygamma-agreement computes in float32).
"""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pytest

from desk.core.coding.agreement.gamma import (
    GammaParts,
    bootstrap_gamma,
    gamma_parts,
    pooled_gamma,
    shuffled_continuum,
)
from desk.core.coding.agreement.gamma_alignment import best_alignment
from tests.core.coding.agreement.conftest import continuum

LENGTH = 3_600_000  # an hour in ms


def _random_coder(rng: np.random.Generator, count: int) -> np.ndarray:
    starts = np.sort(rng.uniform(0, LENGTH - 30_000, count))
    return np.column_stack([starts, starts + rng.uniform(1000, 30_000, count)]).round()


def test_identical_codings_give_one_and_an_empty_coder_counts_as_missing_all() -> None:
    rng = np.random.default_rng(1)
    coder = _random_coder(rng, 60)
    parts = gamma_parts([coder, coder.copy(), coder.copy()], LENGTH, rng)
    assert parts.gamma == 1.0
    assert best_alignment([coder, coder]).disorder == 0.0
    missing = best_alignment([coder, np.zeros((0, 2))])
    assert missing.disorder == pytest.approx(2.0)  # every unit alone: Δ∅ / (units / 2)


def test_independent_random_codings_are_near_zero() -> None:
    rng = np.random.default_rng(2)
    values = [gamma_parts([_random_coder(rng, 80) for _ in range(3)], LENGTH, rng).gamma
              for _ in range(3)]
    assert all(abs(v) < 0.1 for v in values), values


def test_jittered_codings_agree_well_and_more_jitter_agrees_less() -> None:
    rng = np.random.default_rng(3)
    truth = _random_coder(rng, 80)

    def jittered(ms: float) -> np.ndarray:
        noisy = truth + rng.normal(0, ms, truth.shape)
        noisy[:, 1] = np.maximum(noisy[:, 1], noisy[:, 0] + 100)
        return noisy

    close = gamma_parts([jittered(300), jittered(300)], LENGTH, np.random.default_rng(0)).gamma
    loose = gamma_parts([jittered(3000), jittered(3000)], LENGTH, np.random.default_rng(0)).gamma
    assert 0.8 < close < 1.0
    assert loose < close


def test_same_seed_same_gamma_and_interval_holds_it() -> None:
    rng = np.random.default_rng(4)
    coders = [_random_coder(rng, 50)]
    coders.append(coders[0] + 500)
    first = gamma_parts(coders, LENGTH, np.random.default_rng(9))
    again = gamma_parts(coders, LENGTH, np.random.default_rng(9))
    assert first.gamma == again.gamma
    assert len(first.expected) >= 10
    replicates = bootstrap_gamma([first], np.random.default_rng(1), 400)
    low, high = np.percentile(replicates, [2.5, 97.5])
    assert low <= first.gamma <= high
    assert pooled_gamma([first]) == first.gamma


def _units(*coders: list[tuple[float, float]]) -> list[np.ndarray]:
    return [np.array(c, dtype=np.float64).reshape(-1, 2) for c in coders]


CASES = {
    "identical": _units([(2, 10), (20, 31), (40, 52)], [(2, 10), (20, 31), (40, 52)]),
    "disjoint": _units([(0, 10), (20, 30)], [(50, 60), (70, 80)]),
    "shifted boundaries": _units([(2, 10), (20, 31), (40, 52)], [(3, 11), (19, 30), (41, 55)]),
    "three coders": _units([(2, 10), (20, 31), (40, 52)], [(2.5, 10), (21, 30)],
                           [(1, 9), (20, 33), (44, 50), (60, 70)]),
}


@pytest.mark.slow  # importing pygamma-agreement compiles numba code (~20 s CPU)
@pytest.mark.parametrize("name", list(CASES))
def test_gamma_matches_pygamma_agreement(pygamma: ModuleType, name: str) -> None:
    units = CASES[name]
    rng = np.random.default_rng(7)
    samples = [shuffled_continuum(units, 100, rng) for _ in range(6)]
    desk = GammaParts(best_alignment(units),
                      np.array([best_alignment(s).disorder for s in samples])).gamma

    class FedSampler(pygamma.sampler.AbstractContinuumSampler):
        def __init__(self) -> None:
            super().__init__()
            self._next = iter(samples)

        @property
        def sample_from_continuum(self):  # type: ignore[no-untyped-def]
            return continuum(pygamma, next(self._next))

    reference = continuum(pygamma, units).compute_gamma(
        pygamma.CombinedCategoricalDissimilarity(alpha=1, beta=1), n_samples=len(samples),
        sampler=FedSampler())
    assert desk == pytest.approx(reference.gamma, abs=1e-5)
    if name == "identical":
        assert desk == 1.0
    if name == "disjoint":
        assert desk < 0.2

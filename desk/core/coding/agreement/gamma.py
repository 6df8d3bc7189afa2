"""γ (Mathet, Widlöcher & Métivier 2015): agreement on overlapping, unitized annotations.

γ = 1 - observed disorder / expected disorder. The observed disorder is that
of the best alignment of the coders' units (gamma_alignment). The expected
disorder is the mean disorder of continua that keep each coder's units but
not their places: for each of the n coders, the units of a randomly chosen
coder shifted by a random offset around the recording (the shuffling of the
paper's section 5.2; shifts at least half a mean unit apart). γ = 1 when the
observed disorder is 0; γ near 0 is chance; γ < 0 is worse than chance.

Dissimilarity: positional only with Δ∅ = 1 (pygamma-agreement's defaults,
whose categorical part is 0 within one tag). Overall γ pools the tags as
separate layers (a unit is never aligned with another tag's unit):
1 - Σ_t observed_t · n̄_t / Σ_t expected_t · n̄_t, n̄_t = mean units per coder.

The samples come from a seeded generator: the same project and seed give the
same γ. Bootstrap: aligned units resampled, and the samples' disorders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from desk.core.coding.agreement import bootstrap
from desk.core.coding.agreement.gamma_alignment import Alignment, best_alignment

MIN_SAMPLES = 10
MAX_SAMPLES = 30  # pygamma-agreement's default number of random continua
PRECISION = 0.02  # the expected disorder to ±2 % (95 % confidence): pygamma's "medium"


@dataclass
class GammaParts:
    """One tag's observed alignment and the disorders of its random continua."""

    observed: Alignment
    expected: np.ndarray  # disorder of each sampled continuum

    @property
    def mean_units(self) -> float:
        return self.observed.units / self.observed.annotators

    @property
    def gamma(self) -> float:
        return pooled_gamma([self])


def shuffled_continuum(units: list[np.ndarray], length: int,
                       rng: np.random.Generator) -> list[np.ndarray]:
    """A chance continuum: each coder replaced by a random coder's units, shifted."""
    n = len(units)
    lengths = np.concatenate([u[:, 1] - u[:, 0] for u in units])
    spacing = float(lengths.mean()) / 2 if len(lengths) else 0.0
    pivots: list[float] = []
    sample = []
    for _ in range(n):
        source = units[int(rng.integers(n))]
        pivot = float(rng.uniform(0, length))
        for _attempt in range(100):  # keep shifts apart, as the paper does
            if all(min(abs(pivot - p), length - abs(pivot - p)) >= spacing for p in pivots):
                break
            pivot = float(rng.uniform(0, length))
        pivots.append(pivot)
        shifted = source.astype(np.float64) + pivot
        wrapped = shifted[:, 0] >= length
        shifted[wrapped] -= length
        sample.append(shifted[np.argsort(shifted[:, 0], kind="stable")])
    return sample


def gamma_parts(units: list[np.ndarray], length: int, rng: np.random.Generator,
                min_samples: int = MIN_SAMPLES, max_samples: int = MAX_SAMPLES,
                precision: float = PRECISION,
                check: Callable[[], None] = lambda: None) -> GammaParts:
    """The observed alignment and enough random continua for the wanted precision.

    As in the paper (section 5.3): after `min_samples`, sampling stops once
    (1.96 · coefficient of variation / precision)² samples are drawn.
    `check()` runs before each continuum (it raises to stop the work).
    """
    observed = best_alignment(units)
    expected: list[float] = []
    attempts = 0
    while observed.units and len(expected) < max_samples and attempts < 10 * max_samples:
        attempts += 1  # a sample drawn only from coders without units is drawn again
        check()
        disorder = best_alignment(shuffled_continuum(units, length, rng)).disorder
        if np.isfinite(disorder):
            expected.append(disorder)
        if len(expected) >= min_samples and len(expected) >= _required(expected, precision):
            break
    return GammaParts(observed, np.array(expected, dtype=np.float64))


def _required(disorders: list[float], precision: float) -> float:
    values = np.asarray(disorders)
    if values.mean() <= 0:
        return 0.0
    return float(np.ceil((values.std() / values.mean() * 1.96 / precision) ** 2))


def pooled_gamma(parts: list[GammaParts]) -> float:
    observed = sum(p.observed.costs.sum() for p in parts if p.observed.units)
    expected = sum(p.mean_units * p.expected.mean() for p in parts if p.observed.units)
    if not any(p.observed.units for p in parts):
        return float("nan")
    if observed == 0:
        return 1.0
    return float(1 - observed / expected) if expected > 0 else float("nan")


def bootstrap_gamma(parts: list[GammaParts], rng: np.random.Generator,
                    replicates: int = bootstrap.REPLICATES) -> np.ndarray:
    """γ of each replicate: unitary alignments and sample disorders resampled per tag."""
    observed = np.zeros(replicates)
    expected = np.zeros(replicates)
    for part in parts:
        if not part.observed.units:
            continue
        alignment = part.observed
        draws = bootstrap.draw_counts(rng, len(alignment.costs), replicates)
        sample_draws = bootstrap.draw_counts(rng, len(part.expected), replicates)
        observed += bootstrap.resum(draws, alignment.costs)
        mean_units = bootstrap.resum(draws, alignment.sizes) / alignment.annotators
        expected += mean_units * bootstrap.resum(sample_draws, part.expected) / len(part.expected)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(observed == 0, 1.0, 1 - observed / expected)

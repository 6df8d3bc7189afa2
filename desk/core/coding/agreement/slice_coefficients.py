"""Percent agreement, Cohen's / Fleiss' κ and Krippendorff's α from slice patterns.

Every coefficient here is a function of the pattern counts alone (how many
slices were coded by exactly which annotators), written for arrays of counts
so that a thousand bootstrap replicates cost one vectorised call. The values
are binary (coded / not coded) and no data are missing: every annotator saw
the whole recording.

- percent: Fleiss' mean pairwise agreement P̄ (for two coders, the share of
  slices on which they agree);
- Cohen's κ for two annotators (each coder's own marginals), Fleiss' κ for
  more (pooled marginals);
- Krippendorff's α, nominal, from the coincidence matrix.

A coefficient that is undefined (no variation at all: nobody ever coded, or
everyone always did) is NaN; callers report it as "not defined".
"""

from __future__ import annotations

import numpy as np

NEITHER = 0  # the pattern of a slice nobody coded


def popcounts(annotators: int) -> np.ndarray:
    """Per pattern, how many annotators coded the slice."""
    patterns = np.arange(1 << annotators)
    return np.array([bin(p).count("1") for p in patterns], dtype=np.float64)


def without_neither(counts: np.ndarray) -> np.ndarray:
    """The same counts with the slices nobody coded left out."""
    result = np.array(counts, dtype=np.float64, copy=True)
    result[..., NEITHER] = 0.0
    return result


def percent_agreement(counts: np.ndarray, annotators: int) -> np.ndarray:
    m = annotators
    c = popcounts(m)
    agreeing_pairs = (c * (c - 1) + (m - c) * (m - c - 1)) / (m * (m - 1))
    n = counts.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray((counts @ agreeing_pairs) / n)


def cohen_kappa(counts: np.ndarray) -> np.ndarray:
    """Two annotators: patterns 0 (neither), 1 (first only), 2 (second only), 3 (both)."""
    n = counts.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        observed = (counts[..., 0] + counts[..., 3]) / n
        first = (counts[..., 1] + counts[..., 3]) / n
        second = (counts[..., 2] + counts[..., 3]) / n
        expected = first * second + (1 - first) * (1 - second)
        return _chance_corrected(observed, expected)


def fleiss_kappa(counts: np.ndarray, annotators: int) -> np.ndarray:
    m = annotators
    c = popcounts(m)
    n = counts.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        observed = percent_agreement(counts, m)
        coded_share = (counts @ c) / (n * m)
        expected = coded_share**2 + (1 - coded_share) ** 2
        return _chance_corrected(observed, expected)


def kappa(counts: np.ndarray, annotators: int) -> np.ndarray:
    """Cohen's κ for two annotators, Fleiss' κ for more."""
    return cohen_kappa(counts) if annotators == 2 else fleiss_kappa(counts, annotators)


def kappa_name(annotators: int) -> str:
    return "Cohen's κ" if annotators == 2 else "Fleiss' κ"


def krippendorff_alpha(counts: np.ndarray, annotators: int) -> np.ndarray:
    """Nominal α = 1 - (n - 1) o_01 / (n_0 n_1) for binary values, all coders on every slice."""
    m = annotators
    c = popcounts(m)
    values = counts.sum(axis=-1) * m
    coded = counts @ c
    uncoded = values - coded
    disagreeing = counts @ (c * (m - c) / (m - 1))  # o_01, the off-diagonal coincidences
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha = 1 - (values - 1) * disagreeing / (coded * uncoded)
    return np.where((coded > 0) & (uncoded > 0), alpha, np.nan)


def _chance_corrected(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        value = (observed - expected) / (1 - expected)
    return np.where(np.isclose(expected, 1.0, rtol=0, atol=1e-15), np.nan, value)

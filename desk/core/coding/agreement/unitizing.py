"""Krippendorff's α_u for unitizing: how well coders agree on *where* a code applies.

This is _uα of Krippendorff, Mathet, Bouvry & Widlöcher (2016, "On the
reliability of unitizing textual continua: further developments"; Content
Analysis, 4th ed., section 12.6), for one tag at a time: each coder's line
is cut into sections, either a unit of the tag or a gap (φ), and

- observed coincidences  o_ck = 1/(m-1) Σ_i Σ_j≠i Σ_g Σ_h |g ∩ h| over sections g
  of coder i valued c and h of coder j valued k (lengths of overlaps);
- expected coincidences  e_ck = l.. (l_c. l_.k - [c = k] S_c) / (l..² - S), where
  l_c. is the total length valued c, l.. = m L, and S_c sums l² over units
  valued c but only l over gaps (a unit is one indivisible section, a gap is
  pairable position by position); S sums every S_c;
- α_u = 1 - Σ_c≠k o_ck / Σ_c≠k e_ck, here 1 - o_01 (l..² - S) / (l.. l_1. l_0.).

Lengths are in milliseconds. When every unit is one position long α_u is α
on those positions; longer units make chance agreement rarer. Pooled over
tags ("overall"), disagreements are added: 1 - Σ_t o_01 / Σ_t e_01.

Every quantity is a sum over time, so it is kept per block of the recording
and the bootstrap resamples blocks (sections are counted in the block that
holds their midpoint).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desk.core.coding.agreement import bootstrap
from desk.core.coding.agreement.slices import SliceGrid
from desk.core.coding.agreement.study import Study


@dataclass
class UnitizingBlocks:
    """Per block: o_01, l_1 (coded length), l_0 (gap length), S (self-pairing)."""

    disagreement: np.ndarray
    coded: np.ndarray
    gaps: np.ndarray
    self_pairs: np.ndarray
    annotators: int


def unitizing_blocks(study: Study, tag: str, grid: SliceGrid) -> UnitizingBlocks:
    m = len(study.annotators)
    length = study.duration_ms
    edges = np.minimum(np.arange(grid.blocks + 1, dtype=np.int64)
                       * grid.block_slices * grid.slice_ms, length)
    edges[-1] = length
    merged = [study.merged(tag, a) for a in study.annotators]
    points, counts = _coder_counts(merged, length)

    def integral(weight: np.ndarray) -> np.ndarray:
        """∫ weight(c(x)) dx over each block."""
        widths = np.diff(points).astype(np.float64)
        cumulative = np.concatenate([[0.0], np.cumsum(weight[counts] * widths)])
        at_edges = np.interp(edges.astype(np.float64), points.astype(np.float64), cumulative)
        return np.diff(at_edges)

    c = np.arange(m + 1, dtype=np.float64)
    disagreement = integral(c * (m - c) / (m - 1))
    coded = integral(c)
    gaps = integral(m - c)
    self_pairs = np.zeros(grid.blocks)
    block_ms = grid.block_slices * grid.slice_ms
    for ranges in merged:
        units = ranges[:, 1] - ranges[:, 0]
        gap_starts = np.concatenate([[0], ranges[:, 1]])
        gap_ends = np.concatenate([ranges[:, 0], [length]])
        gap_lengths = gap_ends - gap_starts
        keep = gap_lengths > 0
        for starts, lengths, weights in (
                (ranges[:, 0], units, units.astype(np.float64) ** 2),
                (gap_starts[keep], gap_lengths[keep], gap_lengths[keep].astype(np.float64))):
            middle = (2 * starts + lengths) // 2
            block = np.minimum(middle // block_ms, grid.blocks - 1)
            np.add.at(self_pairs, block, weights)
    return UnitizingBlocks(disagreement, coded, gaps, self_pairs, m)


def _coder_counts(merged: list[np.ndarray], length: int) -> tuple[np.ndarray, np.ndarray]:
    """Breakpoints 0 = p_0 < … < p_n = length and how many coders coded each [p_i, p_i+1)."""
    starts = np.concatenate([r[:, 0] for r in merged]) if merged else np.zeros(0, np.int64)
    ends = np.concatenate([r[:, 1] for r in merged]) if merged else np.zeros(0, np.int64)
    points = np.unique(np.concatenate([[0, length], starts, ends]))
    points = points[(points >= 0) & (points <= length)]
    delta = np.zeros(len(points), dtype=np.int64)
    np.add.at(delta, np.searchsorted(points, np.minimum(starts, length)), 1)
    np.add.at(delta, np.searchsorted(points, np.minimum(ends, length)), -1)
    counts = np.cumsum(delta)[:-1]
    return points, counts


def observed_expected(blocks: UnitizingBlocks,
                      weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(o_01, e_01) summed over blocks; `weights` (replicates × blocks) resample them."""
    def total(values: np.ndarray) -> np.ndarray:
        return np.asarray(values.sum() if weights is None else bootstrap.resum(weights, values))

    observed = total(blocks.disagreement)
    coded, gaps, self_pairs = total(blocks.coded), total(blocks.gaps), total(blocks.self_pairs)
    values = coded + gaps
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = values * coded * gaps / (values**2 - self_pairs)
    return observed, expected


def alpha_u(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        value = 1 - observed / expected
    return np.asarray(np.where(expected > 0, value, np.nan))

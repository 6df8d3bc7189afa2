"""Time slices: the recording cut into equal slices, each coded or not by each coder.

A slice counts as coded by an annotator when one of their ranges of the tag
covers the slice's midpoint. What a coefficient needs of a slice is only its
*pattern*: which annotators coded it (bit i set = annotator i did). Counting
patterns per block of consecutive slices lets the bootstrap resample blocks
(neighbouring slices are not independent) by adding up block counts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desk.core.coding.agreement.study import Study
from desk.core.errors import InputError

MAX_ANNOTATORS = 12  # 2**12 patterns per block stays small


@dataclass(frozen=True)
class SliceGrid:
    slice_ms: int
    count: int  # slices covering the recording (the last one may be partial)
    block_slices: int  # slices per bootstrap block

    @property
    def blocks(self) -> int:
        return -(-self.count // self.block_slices)


def make_grid(duration_ms: int, slice_seconds: float, block_seconds: float) -> SliceGrid:
    slice_ms = round(slice_seconds * 1000)
    if not slice_seconds > 0 or slice_ms < 1:
        raise InputError(f"--slice must be at least 0.001 s, not {slice_seconds:g}")
    if duration_ms <= 0:
        raise InputError("the recording has no length; nothing to slice")
    count = -(-duration_ms // slice_ms)
    block = max(1, round(block_seconds * 1000 / slice_ms))
    return SliceGrid(slice_ms, count, min(block, count))


def coverage(ranges: np.ndarray, grid: SliceGrid) -> np.ndarray:
    """Boolean per slice: does one of `ranges` ([start, end) ms) cover its midpoint?"""
    covered = np.zeros(grid.count + 1, dtype=np.int32)
    if len(ranges):
        h = grid.slice_ms
        # Slice i's midpoint is (2i + 1) h / 2: covered iff 2 start <= (2i + 1) h < 2 end.
        first = -((-(2 * ranges[:, 0] - h)) // (2 * h))
        stop = -((-(2 * ranges[:, 1] - h)) // (2 * h))
        first = np.clip(first, 0, grid.count)
        stop = np.clip(stop, 0, grid.count)
        keep = stop > first
        np.add.at(covered, first[keep], 1)
        np.add.at(covered, stop[keep], -1)
    return np.cumsum(covered[:-1]) > 0


def patterns(study: Study, tag: str, grid: SliceGrid) -> np.ndarray:
    """Per slice, the bit pattern of the annotators who coded `tag` there."""
    if len(study.annotators) > MAX_ANNOTATORS:
        raise InputError(f"agreement on slices compares at most {MAX_ANNOTATORS} annotators "
                         f"at once, not {len(study.annotators)}; choose with --annotators")
    result = np.zeros(grid.count, dtype=np.int64)
    for bit, annotator in enumerate(study.annotators):
        result |= coverage(study.merged(tag, annotator), grid).astype(np.int64) << bit
    return result


def block_histograms(pattern: np.ndarray, grid: SliceGrid, annotators: int) -> np.ndarray:
    """(blocks, 2**annotators) counts: how many slices of each block have each pattern."""
    size = 1 << annotators
    block = np.arange(grid.count) // grid.block_slices
    flat = np.bincount(block * size + pattern, minlength=grid.blocks * size)
    return flat.reshape(grid.blocks, size).astype(np.float64)

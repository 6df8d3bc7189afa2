"""Spreading overlapping intervals over as few parallel tiers ("lanes") as possible.

ELAN and Praat tiers hold one annotation at a time, but two coders (or one
coder twice) may tag overlapping ranges with the same tag, and a corrected
transcript may have overlapping segments. Each lane is one extra tier.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def assign_lanes(items: Sequence[T], start: Callable[[T], float],
                 end: Callable[[T], float]) -> list[list[T]]:
    """Greedy interval partitioning: the first lane whose last item ended is reused."""
    lanes: list[list[T]] = []
    lane_ends: list[float] = []
    for item in sorted(items, key=lambda i: (start(i), end(i))):
        for index, lane_end in enumerate(lane_ends):
            if start(item) >= lane_end:
                lanes[index].append(item)
                lane_ends[index] = end(item)
                break
        else:
            lanes.append([item])
            lane_ends.append(end(item))
    return lanes


def lane_name(base: str, index: int) -> str:
    """The tier name of a lane: `base`, then `base #2`, `base #3`..."""
    return base if index == 0 else f"{base} #{index + 1}"

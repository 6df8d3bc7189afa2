"""Spreading overlapping intervals over as few parallel export tiers as possible.

ELAN and Praat tiers hold one annotation at a time, but two coders (or one
coder twice) may tag overlapping ranges with the same tag, and a corrected
transcript may have overlapping segments. Each extra tier holds what overlaps the first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def assign_tiers(items: Sequence[T], start: Callable[[T], float],
                 end: Callable[[T], float]) -> list[list[T]]:
    """Greedy interval partitioning: the first tier whose last item ended is reused."""
    tiers: list[list[T]] = []
    tier_ends: list[float] = []
    for item in sorted(items, key=lambda i: (start(i), end(i))):
        for index, tier_end in enumerate(tier_ends):
            if start(item) >= tier_end:
                tiers[index].append(item)
                tier_ends[index] = end(item)
                break
        else:
            tiers.append([item])
            tier_ends.append(end(item))
    return tiers


def tier_name(base: str, index: int) -> str:
    """The name of the n-th tier: `base`, then `base #2`, `base #3`..."""
    return base if index == 0 else f"{base} #{index + 1}"

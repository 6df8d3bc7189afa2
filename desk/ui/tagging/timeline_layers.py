"""What the timeline draws, prepared so that a repaint touches only what is visible.

`Lane` keeps one tag's annotations sorted by start, with the running maximum
of their ends: the first annotation that can reach into the view is found by
bisecting that running maximum, the last by bisecting the starts, so a
repaint costs O(log n + visible) however many annotations there are.
`envelope` reduces waveform peaks to one min/max pair per pixel with numpy.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate

import numpy as np

from desk.core.records import Annotation, Tag


@dataclass
class Lane:
    tag: Tag
    annotations: list[Annotation] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.annotations.sort(key=lambda a: (a.start, a.end))
        self._starts = [a.start for a in self.annotations]
        self._reach = list(accumulate((a.end for a in self.annotations), max))

    def visible(self, start: float, end: float) -> list[Annotation]:
        """Annotations overlapping [start, end], in start order."""
        first = bisect_right(self._reach, start)
        last = bisect_left(self._starts, end)
        return [a for a in self.annotations[first:last] if a.end > start]

    def at(self, seconds: float, slack: float = 0.0) -> list[Annotation]:
        return self.visible(seconds - slack, seconds + slack + 1e-9)


def build_lanes(tags: list[Tag], annotations: list[Annotation]) -> list[Lane]:
    """One lane per tag in use: the active tags, plus archived tags that still have codes."""
    by_tag: dict[int | None, list[Annotation]] = {}
    for annotation in annotations:
        by_tag.setdefault(annotation.tag_id, []).append(annotation)
    return [Lane(tag, by_tag.get(tag.id, [])) for tag in tags
            if not tag.archived or tag.id in by_tag]


def envelope(peaks: np.ndarray, buckets_per_second: float, start: float,
             seconds_per_pixel: float, width: int) -> tuple[np.ndarray, np.ndarray]:
    """(minima, maxima) per pixel column; NaN where the recording has no data."""
    lows = np.full(width, np.nan, dtype=np.float32)
    highs = np.full(width, np.nan, dtype=np.float32)
    if peaks.size == 0 or width <= 0:
        return lows, highs
    edges = (start + np.arange(width + 1) * seconds_per_pixel) * buckets_per_second
    first = np.floor(edges[:-1]).astype(np.int64)
    stop = np.maximum(np.ceil(edges[1:]).astype(np.int64), first + 1)
    valid = (first < len(peaks)) & (stop > 0)
    if not valid.any():
        return lows, highs
    first = np.clip(first, 0, len(peaks) - 1)
    stop = np.clip(stop, 1, len(peaks))
    columns = np.flatnonzero(valid)
    if seconds_per_pixel * buckets_per_second >= 2:
        # Several buckets per pixel: reduce each pixel's run of buckets.
        lo, hi = int(first[columns[0]]), int(stop[columns[-1]])
        window = peaks[lo:hi]
        offsets = first[columns] - lo
        lows[columns] = np.minimum.reduceat(window[:, 0], offsets)
        highs[columns] = np.maximum.reduceat(window[:, 1], offsets)
    else:
        lows[columns] = peaks[first[columns], 0]
        highs[columns] = peaks[first[columns], 1]
    return lows, highs


def pixel_runs(annotations: list[Annotation], x_of: Callable[[float], float],
               clip_left: float, clip_right: float) -> list[list]:
    """Merge annotations that fall on the same pixels into [x0, x1, suggested] runs.

    At full zoom-out two hours of 1,000 codes become a few hundred rectangles;
    suggested and coded ranges are kept apart because they are drawn differently.
    """
    runs: list[list] = []
    for a in annotations:
        x0 = max(clip_left, x_of(a.start))
        x1 = min(clip_right, x_of(a.end))
        left = math.floor(x0)
        right = max(left + 1, math.ceil(x1))
        suggested = a.source == "suggested"
        if runs and runs[-1][2] == suggested and left <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], right)
        else:
            runs.append([left, right, suggested])
    return runs

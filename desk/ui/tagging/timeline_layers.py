"""What the timeline draws, prepared so that a repaint touches only what is visible.

`Lane` keeps one tag's annotations sorted by start, with the running maximum
of their ends: the first annotation that can reach into the view is found by
bisecting that running maximum, the last by bisecting the starts, so a
repaint costs O(log n + visible) however many annotations there are.

Drawing thousands of small rectangles one QPainter call at a time is what
makes a timeline slow, so ranges are rasterised with numpy instead: `coverage`
marks the pixel columns a set of ranges touches (a difference array and a
cumulative sum), and the canvas paints a whole lane, the dead air or the
waveform as one image. `envelope` reduces waveform peaks to one min/max pair
per pixel column.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

import numpy as np

from desk.core.records import Annotation, Tag
from desk.core.store.adjudications import CONSENSUS


@dataclass
class Lane:
    tag: Tag
    annotations: list[Annotation] = field(default_factory=list)
    annotator: str | None = None  # whose layer, when several annotators' lanes sit side by side

    def __post_init__(self) -> None:
        self.annotations.sort(key=lambda a: (a.start, a.end))
        self._starts = [a.start for a in self.annotations]
        self._reach = list(accumulate((a.end for a in self.annotations), max))
        self.starts = np.array(self._starts, dtype=np.float64)
        self.ends = np.array([a.end for a in self.annotations], dtype=np.float64)
        self.suggested = np.array([a.source == "suggested" for a in self.annotations],
                                  dtype=bool)

    def span(self, start: float, end: float) -> tuple[int, int]:
        """Index range [first, last) of the annotations that may overlap [start, end]."""
        return bisect_right(self._reach, start), bisect_left(self._starts, end)

    def visible(self, start: float, end: float) -> list[Annotation]:
        """Annotations overlapping [start, end], in start order."""
        first, last = self.span(start, end)
        return [a for a in self.annotations[first:last] if a.end > start]

    def at(self, seconds: float, slack: float = 0.0) -> list[Annotation]:
        return self.visible(seconds - slack, seconds + slack + 1e-9)

    def columns(self, start: float, seconds_per_pixel: float,
                width: int) -> tuple[np.ndarray, np.ndarray]:
        """(coded, suggested) pixel columns covered in a view of `width` pixels."""
        first, last = self.span(start, start + width * seconds_per_pixel)
        starts, ends = self.starts[first:last], self.ends[first:last]
        suggested = self.suggested[first:last]
        return (coverage(starts[~suggested], ends[~suggested], start, seconds_per_pixel, width),
                coverage(starts[suggested], ends[suggested], start, seconds_per_pixel, width))


def build_lanes(tags: list[Tag], annotations: list[Annotation]) -> list[Lane]:
    """One lane per tag in use: the active tags, plus archived tags that still have codes.

    When several annotators coded (a merged colleague, the consensus), each tag
    gets one lane per annotator who used it, side by side, so their codings
    can be compared at a glance; the consensus comes last.
    """
    by_tag: dict[int | None, list[Annotation]] = {}
    for annotation in annotations:
        by_tag.setdefault(annotation.tag_id, []).append(annotation)
    layers = sorted({a.annotator for a in annotations},
                    key=lambda name: (name == CONSENSUS, name.casefold()))
    lanes: list[Lane] = []
    for tag in tags:
        if tag.archived and tag.id not in by_tag:
            continue
        coded = by_tag.get(tag.id, [])
        if len(layers) < 2 or not coded:
            lanes.append(Lane(tag, coded))
            continue
        for name in layers:
            mine = [a for a in coded if a.annotator == name]
            if mine:
                lanes.append(Lane(tag, mine, name))
    return lanes


def coverage(starts: np.ndarray, ends: np.ndarray, view_start: float,
             seconds_per_pixel: float, width: int) -> np.ndarray:
    """Which of `width` pixel columns the ranges touch; every range gets at least one."""
    covered = np.zeros(width, dtype=bool)
    if len(starts) == 0 or width <= 0:
        return covered
    first = np.floor((np.asarray(starts) - view_start) / seconds_per_pixel).astype(np.int64)
    stop = np.ceil((np.asarray(ends) - view_start) / seconds_per_pixel).astype(np.int64)
    stop = np.maximum(stop, first + 1)
    first, stop = np.clip(first, 0, width), np.clip(stop, 0, width)
    keep = stop > first
    if not keep.any():
        return covered
    counts = np.zeros(width + 1, dtype=np.int64)
    np.add.at(counts, first[keep], 1)
    np.add.at(counts, stop[keep], -1)
    return np.cumsum(counts[:-1]) > 0


def runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, stop) of each run of True columns."""
    padded = np.concatenate([[False], mask, [False]]).astype(np.int8)
    edges = np.diff(padded)
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(),
                    strict=True))


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


class PeakPyramid:
    """The waveform's peaks at 1/1, 1/4, 1/16, ... resolution, built once.

    Two hours at 100 buckets per second are 720,000 buckets; zoomed out, a
    pixel covers hundreds of them, so each repaint reads the coarsest level
    that still has at least two buckets per pixel instead of all of them.
    """

    FACTOR = 4

    def __init__(self, buckets_per_second: float, peaks: np.ndarray) -> None:
        self.levels = [(buckets_per_second, peaks)]
        while len(peaks) >= 4 * self.FACTOR:
            usable = len(peaks) - len(peaks) % self.FACTOR
            blocks = peaks[:usable].reshape(-1, self.FACTOR, 2)
            coarser = np.stack([blocks[:, :, 0].min(axis=1), blocks[:, :, 1].max(axis=1)], axis=1)
            if usable < len(peaks):  # keep the partial last block
                tail = peaks[usable:]
                coarser = np.vstack([coarser, [[tail[:, 0].min(), tail[:, 1].max()]]])
            buckets_per_second /= self.FACTOR
            peaks = coarser
            self.levels.append((buckets_per_second, peaks))

    def level_for(self, seconds_per_pixel: float) -> tuple[float, np.ndarray]:
        """The coarsest level with at least two buckets per pixel (else the finest)."""
        for rate, peaks in reversed(self.levels):
            if rate * seconds_per_pixel >= 2:
                return rate, peaks
        return self.levels[0]


def waveform_mask(lows: np.ndarray, highs: np.ndarray, height: int) -> np.ndarray:
    """(height, width) pixels inside each column's min..max, 0 dB at the top and bottom."""
    middle = (height - 1) / 2
    scale = height / 2 - 1
    with np.errstate(invalid="ignore"):
        top = middle - np.clip(highs, -1, 1) * scale - 0.5
        bottom = middle - np.clip(lows, -1, 1) * scale + 0.5
        rows = np.arange(height, dtype=np.float32)[:, None]
        inside: np.ndarray = (rows >= np.floor(top)[None, :]) & (rows <= np.ceil(bottom)[None, :])
        return inside

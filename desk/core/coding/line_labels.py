"""Which coded ranges label which transcript lines: one rule for every export and the view.

An annotation labels a line only when it covers a real part of it:

- it covers at least `MIN_SHARE` (half) of the line's duration, or
- it lies wholly inside the line (a 1 s code on a 10 s line).

A range that runs 0.12 s into the next speaker's line does not label that
line. An annotation that meets neither condition on any line (a short code
across a line break) labels the one line it overlaps most, so no code
disappears from a line-based export.

Word-level codes (both ends on word boundaries, as coding selected words
leaves them) also name exactly their words, for the reports' highlights.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import accumulate
from typing import Protocol, TypeVar

MIN_SHARE = 0.5
# Times are stored in milliseconds; a bound this close to a word boundary is on it.
BOUNDARY_TOLERANCE = 0.0015
_EPSILON = 1e-9


class Timed(Protocol):
    @property
    def start(self) -> float: ...

    @property
    def end(self) -> float: ...


L = TypeVar("L", bound=Timed)
A = TypeVar("A", bound=Timed)


def overlap(a_start: float, a_end: float, b_start: float, b_end: float) -> float:
    return max(0.0, min(a_end, b_end) - max(a_start, b_start))


def labels(line_start: float, line_end: float, start: float, end: float,
           min_share: float = MIN_SHARE) -> bool:
    """Whether a range [start, end) labels the line [line_start, line_end) by the rule."""
    length = line_end - line_start
    if length <= 0:  # a zero-length line: labelled by a range that holds its instant
        return start <= line_start < end
    shared = overlap(line_start, line_end, start, end)
    if shared <= 0:
        return False
    inside = start >= line_start - _EPSILON and end <= line_end + _EPSILON
    return inside or shared >= min_share * length - _EPSILON


class LineLabels:
    """The rule applied to a whole transcript at once (bisection: 2,500 lines × 1,000 codes)."""

    def __init__(self, lines: Sequence[L], annotations: Sequence[A],
                 min_share: float = MIN_SHARE) -> None:
        self._lines = list(lines)
        order = sorted(range(len(self._lines)),
                       key=lambda i: (self._lines[i].start, self._lines[i].end))
        starts = [self._lines[i].start for i in order]
        # Running maximum of ends: corrected lines may overlap.
        max_ends = list(accumulate((self._lines[i].end for i in order), max))
        self._by_line: list[list[int]] = [[] for _ in self._lines]
        self._by_annotation: list[list[int]] = []
        for a_index, a in enumerate(annotations):
            hi = bisect.bisect_left(starts, a.end)
            lo = bisect.bisect_right(max_ends, a.start)
            touched = [order[k] for k in range(lo, hi)
                       if overlap(self._lines[order[k]].start, self._lines[order[k]].end,
                                  a.start, a.end) > 0]
            chosen = [i for i in touched if labels(self._lines[i].start, self._lines[i].end,
                                                   a.start, a.end, min_share)]
            if not chosen and touched:
                chosen = [max(touched, key=lambda i: (overlap(
                    self._lines[i].start, self._lines[i].end, a.start, a.end), -i))]
            chosen.sort(key=lambda i: (self._lines[i].start, i))
            self._by_annotation.append(chosen)
            for line_index in chosen:
                self._by_line[line_index].append(a_index)

    def annotations_of(self, line_index: int) -> list[int]:
        """Indexes of the annotations that label line `line_index`, in input order."""
        return self._by_line[line_index]

    def lines_of(self, annotation_index: int) -> list[int]:
        """Indexes of the lines annotation `annotation_index` labels, in time order."""
        return self._by_annotation[annotation_index]


class WordBounds:
    """Word boundaries of a transcript, to tell word-level codes from stretches of time."""

    def __init__(self, words: Sequence[Timed]) -> None:
        self._starts = sorted(w.start for w in words)
        self._ends = sorted(w.end for w in words)

    def is_word_level(self, start: float, end: float) -> bool:
        """Both bounds on word boundaries: the analyst coded words, not a stretch of time."""
        return _near(self._starts, start) and _near(self._ends, end)


def _near(sorted_times: list[float], time: float) -> bool:
    index = bisect.bisect_left(sorted_times, time - BOUNDARY_TOLERANCE)
    return index < len(sorted_times) and abs(sorted_times[index] - time) <= BOUNDARY_TOLERANCE

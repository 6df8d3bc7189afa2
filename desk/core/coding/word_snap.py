"""Snapping a coded range to word boundaries.

An analyst presses a key a moment after a word begins, or drags roughly on the
timeline; snapping moves the start back to the start of the word being spoken
(or the nearest word start) and the end to the end of the word being spoken
(or the nearest word end), so evidence clips do not cut words in half. Times
further than `tolerance` from any word are left alone (dead air stays dead air).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from desk.core.records import Word
from desk.core.store import Project

DEFAULT_TOLERANCE = 1.0  # seconds


def snap_start(time: float, words: Sequence[Word], tolerance: float = DEFAULT_TOLERANCE) -> float:
    """The start of the word spoken at `time`, else the nearest word start within tolerance."""
    inside = _word_at(time, words)
    if inside is not None:
        return inside.start
    return _nearest(time, [w.start for w in words], tolerance)


def snap_end(time: float, words: Sequence[Word], tolerance: float = DEFAULT_TOLERANCE) -> float:
    """The end of the word spoken at `time`, else the nearest word end within tolerance."""
    inside = _word_at(time, words)
    if inside is not None:
        return inside.end
    return _nearest(time, [w.end for w in words], tolerance)


def snap_range(start: float, end: float, words: Sequence[Word],
               tolerance: float = DEFAULT_TOLERANCE) -> tuple[float, float]:
    """Both bounds snapped; the original range if snapping would make it empty."""
    words = sorted(words, key=lambda w: w.start)
    snapped = snap_start(start, words, tolerance), snap_end(end, words, tolerance)
    return snapped if snapped[1] > snapped[0] else (start, end)


def words_near(project: Project, start: float, end: float,
               tolerance: float = DEFAULT_TOLERANCE) -> list[Word]:
    """The words of the current transcript around a range (one indexed query)."""
    segments = project.transcripts.segments(start=max(0.0, start - tolerance),
                                            end=end + tolerance, with_words=True)
    return sorted((w for s in segments for w in s.words), key=lambda w: w.start)


def _word_at(time: float, words: Sequence[Word]) -> Word | None:
    index = bisect_right([w.start for w in words], time) - 1
    if index >= 0 and words[index].start <= time < words[index].end:
        return words[index]
    return None


def _nearest(time: float, boundaries: list[float], tolerance: float) -> float:
    best = min(boundaries, key=lambda b: abs(b - time), default=None)
    if best is None or abs(best - time) > tolerance:
        return time
    return best

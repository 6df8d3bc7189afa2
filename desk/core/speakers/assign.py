"""From labelled windows to a speaker for every word, and segments cut where the speaker changes.

A word takes the speaker whose voice the windows over it resemble most,
each window weighted by how much of the word it covers; its confidence is the
margin between the best and the second-best speaker. A lone word or two that
flips speaker inside one person's turn, without confidence, is taken back:
that is a window straddling a turn change, not an interjection.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desk.core.records import Segment, Word
from desk.core.speakers.features import Window

# A margin of this much cosine similarity between the best and the second speaker is
# full confidence; measured: a voice's own windows beat the other voice by 0.05–0.3.
CONFIDENT_MARGIN = 0.12
LOW_CONFIDENCE = 0.35  # below this a segment's speaker is reported as uncertain
FLICKER_SECONDS = 0.6  # a run of words shorter than this between two equal neighbours


@dataclass
class Part:
    """A stretch of one segment's words (first..last, inclusive) said by one speaker."""

    label: int
    first: int
    last: int
    confidence: float


@dataclass
class SegmentSpeakers:
    segment: Segment
    parts: list[Part]


def word_scores(words: list[Word], windows: list[Window], scores: np.ndarray) -> np.ndarray:
    """(words, speakers): the overlap-weighted mean of the window scores over each word."""
    result = np.zeros((len(words), scores.shape[1]), np.float32)
    if not windows:
        return result
    starts = np.array([w.start for w in windows])
    ends = np.array([w.end for w in windows])
    centres = (starts + ends) / 2
    for i, word in enumerate(words):
        overlap = np.minimum(ends, word.end) - np.maximum(starts, word.start)
        weights = np.clip(overlap, 0.0, None)
        if weights.sum() <= 0:
            nearest = int(np.argmin(np.abs(centres - (word.start + word.end) / 2)))
            result[i] = scores[nearest]
        else:
            result[i] = weights @ scores / weights.sum()
    return result


def label_words(per_word: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The best speaker per word and the confidence (0–1) of that choice."""
    if per_word.shape[1] == 0:
        return np.zeros(len(per_word), int), np.zeros(len(per_word))
    labels = per_word.argmax(axis=1)
    if per_word.shape[1] == 1:
        return labels, np.ones(len(per_word))
    ordered = np.sort(per_word, axis=1)
    margin = ordered[:, -1] - ordered[:, -2]
    return labels, np.clip(margin / CONFIDENT_MARGIN, 0.0, 1.0)


def smooth(words: list[Word], labels: np.ndarray, confidence: np.ndarray) -> np.ndarray:
    """Take back short, unsure flips between two stretches of the same speaker."""
    labels = labels.copy()
    runs = _runs(labels)
    for index in range(1, len(runs) - 1):
        first, last = runs[index]
        before, after = labels[runs[index - 1][0]], labels[runs[index + 1][0]]
        length = words[last].end - words[first].start
        unsure = float(confidence[first : last + 1].mean()) < 1.0
        if before == after and length < FLICKER_SECONDS and unsure:
            labels[first : last + 1] = before
    return labels


def split_segments(segments: list[Segment], labels: np.ndarray,
                   confidence: np.ndarray) -> list[SegmentSpeakers]:
    """Each segment's words grouped into runs of one speaker (labels over all their words)."""
    result: list[SegmentSpeakers] = []
    offset = 0
    for segment in segments:
        count = len(segment.words)
        own = labels[offset : offset + count]
        sure = confidence[offset : offset + count]
        offset += count
        parts = [Part(int(own[a]), a, b, float(sure[a : b + 1].mean())) for a, b in _runs(own)]
        result.append(SegmentSpeakers(segment, parts))
    return result


def _runs(labels: np.ndarray) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for i, label in enumerate(labels):
        if runs and labels[runs[-1][0]] == label:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs

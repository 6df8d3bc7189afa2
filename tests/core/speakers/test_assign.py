"""A speaker per word, a confidence, unsure flips taken back, segments cut at changes."""

from __future__ import annotations

import numpy as np

from desk.core.records import Segment, Word
from desk.core.speakers.assign import label_words, smooth, split_segments, word_scores
from desk.core.speakers.features import Window


def test_a_word_takes_the_windows_over_it_weighted_by_overlap() -> None:
    windows = [Window(0.0, 1.5), Window(1.0, 2.5)]
    scores = np.array([[0.9, 0.1], [0.1, 0.9]])
    words = [Word(0.1, 0.5, "a"), Word(1.1, 1.4, "b"), Word(2.0, 2.4, "c"), Word(9, 9.5, "far")]
    per_word = word_scores(words, windows, scores)
    assert np.allclose(per_word[0], [0.9, 0.1]) and np.allclose(per_word[1], [0.5, 0.5])
    assert np.allclose(per_word[3], [0.1, 0.9])  # no window over it: the nearest one
    labels, confidence = label_words(per_word)
    assert list(labels[[0, 2]]) == [0, 1] and confidence[1] == 0.0 and confidence[0] == 1.0


def test_one_speaker_is_always_sure() -> None:
    labels, confidence = label_words(np.array([[0.3], [0.8]]))
    assert list(labels) == [0, 0] and list(confidence) == [1.0, 1.0]


def test_a_short_unsure_flip_inside_a_turn_is_taken_back() -> None:
    words = [Word(i * 0.3, i * 0.3 + 0.25, "w") for i in range(7)]
    labels = np.array([0, 0, 0, 1, 0, 0, 1])
    kept = smooth(words, labels, np.array([1, 1, 1, 0.4, 1, 1, 1.0]))
    assert list(kept) == [0, 0, 0, 0, 0, 0, 1]
    assert list(smooth(words, labels, np.ones(7))) == list(labels)  # a sure one stays


def test_segments_are_cut_where_the_speaker_changes() -> None:
    one = Segment(0, 2, "a b c", [Word(0, .5, "a"), Word(.6, 1, "b"), Word(1.2, 2, "c")])
    two = Segment(3, 4, "d", [Word(3, 4, "d")])
    result = split_segments([one, two], np.array([0, 0, 1, 1]), np.array([1, .5, .8, 1]))
    assert [(p.label, p.first, p.last) for p in result[0].parts] == [(0, 0, 1), (1, 2, 2)]
    assert result[0].parts[0].confidence == 0.75
    assert [(p.label, p.first, p.last) for p in result[1].parts] == [(1, 0, 0)]

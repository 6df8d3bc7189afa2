"""Word error rate."""

from __future__ import annotations

import pytest

from desk.core.wer import normalized_words, word_error_rate


def test_normalization_ignores_case_and_punctuation() -> None:
    assert normalized_words("Later, they SPOKE—about it. Don’t!") == [
        "later",
        "they",
        "spoke",
        "about",
        "it",
        "don't",
    ]
    assert word_error_rate("The show started late.", "the show, started late") == 0.0


@pytest.mark.parametrize(
    "hypothesis, expected",
    [
        ("the show began late", 0.25),  # one substitution
        ("the show late", 0.25),  # one deletion
        ("the big show started late", 0.25),  # one insertion
        ("", 1.0),
    ],
)
def test_edits_per_reference_word(hypothesis: str, expected: float) -> None:
    assert word_error_rate("the show started late", hypothesis) == pytest.approx(expected)


def test_empty_reference() -> None:
    assert word_error_rate("", "") == 0.0
    assert word_error_rate("", "noise") == 1.0

"""Turning raw engine output into Desk segments (fast, no weights)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.errors import InputError
from desk.core.pipeline.engines.base import ModelRef
from desk.core.pipeline.engines.segments import (
    build_segment,
    check_language,
    is_silence_hallucination,
)


def test_silence_hallucination_needs_both_signals() -> None:
    assert is_silence_hallucination(0.9, -1.5)
    assert not is_silence_hallucination(0.9, -0.3)  # quiet but confident: real speech
    assert not is_silence_hallucination(0.2, -1.5)  # unsure speech is still speech
    assert not is_silence_hallucination(None, -2.0)


def test_segment_is_shifted_and_words_kept_inside() -> None:
    words = [
        (0.0, 0.4, " Hello", 0.9),
        (0.3, 0.2, " there", 0.8),
        (1.0, 2.5, " friend.", None),
        (1.2, 1.3, "  ", 0.5),
    ]
    segment = build_segment(
        0.1,
        2.0,
        " Hello there friend. ",
        words,
        offset=60.0,
        avg_logprob=-0.3,
        no_speech_prob=0.1,
        compression_ratio=1.2,
    )
    assert segment is not None
    assert (segment.start, segment.end, segment.text) == (60.1, 62.0, "Hello there friend.")
    assert [w.text for w in segment.words] == ["Hello", "there", "friend."]
    starts = [w.start for w in segment.words]
    assert starts == sorted(starts) and starts[0] == 60.1
    assert all(segment.start <= w.start <= w.end <= segment.end for w in segment.words)
    assert segment.words[2].probability is None and segment.avg_logprob == -0.3


def test_empty_and_invented_segments_are_dropped() -> None:
    assert build_segment(0, 1, "   ", [], 0.0) is None
    assert build_segment(0, 1, "Thank you.", [], 0.0, avg_logprob=-1.4, no_speech_prob=0.8) is None


def test_language_check() -> None:
    english = ModelRef("tiny.en", Path("x"), "ct2", multilingual=False)
    check_language(english, None)
    check_language(english, "en")
    with pytest.raises(InputError, match="'tiny.en' only knows English"):
        check_language(english, "fr")
    check_language(ModelRef("base", Path("x"), "ct2", multilingual=True), "fr")

"""Speech regions from word timings."""

from __future__ import annotations

from desk.core.records import Word
from desk.core.speakers.regions import MAX_REGION_SECONDS, Region, from_words


def test_words_close_together_are_one_region_padded() -> None:
    words = [Word(1.0, 1.4, "a"), Word(1.5, 2.0, "b"), Word(5.0, 5.5, "c")]
    assert from_words(reversed(words), pad=0.05) == [Region(0.95, 2.05), Region(4.95, 5.55)]


def test_long_speech_is_cut_and_empty_words_ignored() -> None:
    words = [Word(t, t + 0.9, "w") for t in range(0, 150)] + [Word(200.0, 200.0, "x")]
    regions = from_words(words, pad=0.0)
    assert all(r.duration <= MAX_REGION_SECONDS for r in regions)
    assert regions[0].start == 0.0 and regions[-1].end == 149.9
    assert from_words([]) == []

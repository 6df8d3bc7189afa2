"""Where someone speaks: the stretches of a recording that get voice prints.

A transcript already says it, word by word: words closer than a short pause
form one region. Long regions are cut so that reading one never holds much audio.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desk.core.records import Word

JOIN_GAP = 0.3  # words closer than this are one stretch of speech
PAD = 0.05  # Whisper's word edges are a little tight
MAX_REGION_SECONDS = 60.0


@dataclass(frozen=True)
class Region:
    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start


def from_words(words: Iterable[Word], join_gap: float = JOIN_GAP,
               pad: float = PAD) -> list[Region]:
    """Speech regions from word timings (any order), padded and joined across short pauses."""
    spans = sorted((max(0.0, w.start - pad), w.end + pad) for w in words if w.end > w.start)
    merged: list[list[float]] = []
    for start, end in spans:
        if merged and start - merged[-1][1] <= join_gap:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    regions: list[Region] = []
    for start, end in merged:
        while end - start > MAX_REGION_SECONDS:
            regions.append(Region(start, start + MAX_REGION_SECONDS))
            start += MAX_REGION_SECONDS
        regions.append(Region(start, end))
    return regions

"""Filterbank windows: fixed size, to the region's end, a short region one, read in spans."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from desk.core.speakers.features import (
    FRAMES_PER_SECOND,
    WINDOW_SECONDS,
    Window,
    fbank,
    region_frames,
    too_short,
    window_of,
    window_spans,
)
from desk.core.speakers.model import FEATURE_BINS
from desk.core.speakers.regions import Region
from tests.conftest import make_media


def test_fbank_is_80_bands_at_100_frames_a_second() -> None:
    tone = np.sin(np.arange(16_000) * 2 * np.pi * 440 / 16_000).astype(np.float32) * 0.3
    frames = fbank(tone)
    assert frames.shape[1] == FEATURE_BINS
    assert abs(len(frames) - FRAMES_PER_SECOND) <= 2
    assert np.array_equal(frames, fbank(tone))  # no dither: the same audio, the same print


def test_windows_cover_the_region_to_its_end() -> None:
    size = int(WINDOW_SECONDS * FRAMES_PER_SECOND)
    spans = window_spans(400)
    assert all(end - first == size for first, end in spans)
    assert spans[0] == (0, size) and spans[-1][1] == 400
    assert [first for first, _ in spans] == [0, 75, 150, 225, 250]
    assert window_of(10.0, spans[-1]) == Window(12.5, 14.0)


def test_a_short_region_is_one_window_and_a_blip_is_dropped() -> None:
    frames = np.zeros((60, FEATURE_BINS), np.float32)
    assert window_spans(len(frames)) == [(0, 60)]
    assert window_of(2.0, (0, 60)) == Window(2.0, 2.6)
    assert too_short(frames[:20]) and not too_short(frames)


def test_region_frames_read_from_a_real_recording(tmp_path: Path) -> None:
    media = make_media(tmp_path / "tone.m4a", seconds=12.0, video=False)
    found = list(region_frames(media, [Region(1.0, 4.0), Region(8.0, 9.0)]))
    assert [r for r, _ in found] == [Region(1.0, 4.0), Region(8.0, 9.0)]
    # Kaldi frames end inside the region: 298 frames in 3 s.
    assert [len(f) for _, f in found] == [298, 98]
    assert all(f.shape[1] == FEATURE_BINS for _, f in found)

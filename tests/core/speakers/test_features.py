"""Filterbank windows: fixed size, mean removed, short regions filled, read in spans."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from desk.core.speakers.features import (
    FRAMES_PER_SECOND,
    WINDOW_SECONDS,
    fbank,
    region_windows,
    windows,
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
    frames = np.random.default_rng(0).normal(size=(400, FEATURE_BINS)).astype(np.float32)
    found = list(region_windows(frames, 10.0, hop_seconds=0.75))
    size = int(WINDOW_SECONDS * FRAMES_PER_SECOND)
    assert all(chunk.shape == (size, FEATURE_BINS) for _, chunk in found)
    assert all(np.allclose(chunk.mean(axis=0), 0.0, atol=1e-4) for _, chunk in found)
    assert found[0][0].start == 10.0 and found[-1][0].end == 14.0


def test_a_short_region_is_repeated_to_fill_a_window_and_a_blip_is_dropped() -> None:
    frames = np.ones((60, FEATURE_BINS), np.float32)
    (window, chunk), = region_windows(frames, 2.0)
    assert (window.start, window.end) == (2.0, 2.6) and len(chunk) == 150
    assert list(region_windows(frames[:20], 2.0)) == []


def test_windows_read_from_a_real_recording(tmp_path: Path) -> None:
    media = make_media(tmp_path / "tone.m4a", seconds=12.0, video=False)
    found = list(windows(media, [Region(1.0, 4.0), Region(8.0, 9.0)]))
    # Kaldi frames end inside the region (298 frames in 3 s), so the last window starts earlier.
    assert [round(w.start, 2) for w, _ in found] == [1.0, 1.75, 2.48, 8.0]

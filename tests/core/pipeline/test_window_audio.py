"""Reading windows one ahead gives exactly what reading each window alone gives."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from desk.core.pipeline.audio_windows import Window
from desk.core.pipeline.decode import read_audio
from desk.core.pipeline.window_audio import WindowAudio


def test_windows_come_in_order_with_their_own_audio(sample_media: Path) -> None:
    windows = [Window(0.0, 10.0), Window(10.0, 25.0), Window(40.0, 50.0, 41.0, 50.0)]
    with WindowAudio(sample_media, windows) as reader:
        got = list(reader)
    assert [w for w, _ in got] == windows
    for window, audio in got:
        assert np.array_equal(audio, read_audio(sample_media, window.start, window.end))


def test_leaving_early_stops_reading_ahead(sample_media: Path) -> None:
    windows = [Window(0.0, 5.0), Window(5.0, 10.0), Window(10.0, 15.0)]
    with WindowAudio(sample_media, windows) as reader:
        first = next(iter(reader))
    assert first[0] == windows[0] and first[1].size == 5 * 16_000

"""The video area: an audio-only recording shows its waveform, cached in the project."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from desk.ui.video_area import PAGE_AUDIO
from tests.conftest import make_media


@pytest.fixture
def window(empty_window: MainWindow) -> MainWindow:
    return empty_window



@pytest.fixture


def test_audio_only_recording_shows_the_waveform_page(qtbot: QtBot, window: MainWindow,
                                                      tmp_path: Path) -> None:
    recording = make_media(tmp_path / "talk.m4a", seconds=5, video=False)
    project = window.window_actions.files.new_project(recording, tmp_path / "talk.desk")
    assert window.video_area.page() == PAGE_AUDIO
    waveform = window.video_area.waveform
    assert waveform.title == "talk.m4a"
    qtbot.waitUntil(lambda: waveform.peaks is not None, timeout=10000)
    assert len(waveform.peaks) == pytest.approx(500, abs=2)  # 100 buckets a second
    assert 0.1 < float(waveform.peaks[:, 1].max()) <= 1.0  # the tone (amplitude 1/8), not silence
    assert project.media.waveform(project.media.get().fingerprint) is not None  # cached
    waveform.grab()  # paints peaks and playhead

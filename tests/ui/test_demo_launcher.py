"""`desk demo` in the app, end to end: real sample, real Whisper tiny.en job, real libvlc."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desk.core.demo import demo_folder
from desk.ui.demo_launcher import DemoLauncher
from tests.ui.ui_helpers import isolated_settings, make_window


@pytest.mark.slow
def test_demo_transcribes_live_and_plays(qtbot: QtBot, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch,
                                         qtmodeltester: ModelTester) -> None:
    errors: list[str] = []
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch), errors)
    model = window.transcript_model
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    progress_seen: list[str] = []
    controller = window.window_actions.transcription
    controller.progress.bar.valueChanged.connect(
        lambda _v: progress_seen.append(controller.progress.label.text()))
    launcher = DemoLauncher(window.files, window.transcription, window.player, window.report,
                            fresh=True, parent=window)
    with qtbot.waitSignal(launcher.ready, timeout=240_000):
        launcher.start()
    assert errors == []
    assert window.project is not None
    assert window.project.path == demo_folder() / "demo.desk"
    assert len(inserted) >= 3, "segments arrived in several batches, while transcribing"
    assert model.rowCount() == sum(inserted) >= 10
    assert any("Transcribing" in text for text in progress_seen)
    assert not controller.progress.isVisible()
    texts = " ".join(model.row(i).text for i in range(model.rowCount())).lower()
    assert "late start" in texts and "patience" in texts
    qtmodeltester.check(model)  # the model with a real Whisper transcript
    assert window.player.is_playing()
    qtbot.waitUntil(lambda: window.player.position() > 0.5, timeout=5000)
    window.player.seek(20.0)
    qtbot.waitUntil(lambda: model.current_row >= 0, timeout=3000)
    assert model.row(model.current_row).start <= window.player.position() + 0.1
    assert "tiny.en" in window.model_label.text()
    # Then who speaks: the speaker job runs while the sample plays, as the dialog's option would.
    def speakers() -> set[str | None]:
        return {model.row(i).speaker for i in range(model.rowCount())}

    qtbot.waitUntil(lambda: None not in speakers(), timeout=180_000)
    assert speakers() == {"Speaker 1", "Speaker 2"}
    qtbot.waitUntil(lambda: window.speakers.panel.model.rowCount() == 2, timeout=5000)
    assert errors == []
